package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller who finds every agent busy leaves a spoken request and is called back with the answer; or talks live. */
@QuarkusTest
class VoiceRoundTripTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    @Test
    void spokenRequestIsTranscribedAnsweredAndCalledBack() {
        Element prompt = twiml(VoiceWebhooks.incoming("CAround1").then().statusCode(200).extract().asString());
        only(prompt, "Record");

        String reference = VoiceWebhooks.reference(VoiceWebhooks.recorded("CAround1", "REround1", 3)
                .then().statusCode(200).extract().response());
        String id = (String) VoiceWebhooks.requestByReference(reference).get("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED")).body("text", containsString("my order"))
                .body("audioUrl", equalTo("/api/requests/" + id + "/audio")));
        assertEquals(1, TwilioStandIn.recordingFetches().size());

        Fixtures.createAgent("vera");
        Fixtures.presence("vera", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + id).then().body("assignedTo", equalTo("vera")));
        as("vera").contentType(ContentType.JSON).body(Map.of("text", "Your order ships on Monday."))
                .post("/api/requests/" + id + "/reply").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> !TwilioStandIn.callsPlaced().isEmpty());
        TwilioStandIn.Call call = TwilioStandIn.callsPlaced().get(0);
        assertEquals(VoiceWebhooks.CALLER, call.field("To"));
        assertEquals(VoiceWebhooks.PUBLIC_URL + VoicePaths.STATUS, call.field("StatusCallback"));
        assertEquals("DetectMessageEnd", call.field("MachineDetection"));
        Element callback = twiml(call.field("Twiml"));
        assertTrue(callback.getTextContent().contains("Your order ships on Monday."));

        VoiceWebhooks.callbackStatus(call.sid(), "completed", "human").then().statusCode(204);
        as("admin").get("/api/requests/" + id).then().body("status", equalTo("DELIVERED"));
    }

    @Test
    void idleAgentWithAPhoneTakesTheCallLive() {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "lena", "password", Fixtures.PASSWORD,
                        "displayName", "Lena", "phone", "+15557654321", "skills", List.of()))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence("lena", "AVAILABLE");

        Element dial = only(twiml(VoiceWebhooks.incoming("CAlive1").then().statusCode(200).extract().asString()),
                "Dial");
        Element number = only(dial, "Number");
        assertEquals("+15557654321", number.getTextContent());
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));

        // Lena picks up: Twilio asks the Number's url before bridging, and the call becomes her request.
        VoiceWebhooks.post(number.getAttribute("url"), VoiceWebhooks.call("CAlive1")).then().statusCode(200);
        as("lena").get("/api/me/requests").then().body("status", hasItem("ASSIGNED"))
                .body("from", hasItem(VoiceWebhooks.CALLER));

        Map<String, String> ended = VoiceWebhooks.call("CAlive1");
        ended.put("DialCallStatus", "completed");
        only(twiml(VoiceWebhooks.post(VoicePaths.DIALED, ended).then().statusCode(200).extract().asString()),
                "Hangup");
        as("admin").get("/api/requests?channel=voice").then().body("[0].status", equalTo("DELIVERED"));
        as("lena").get("/api/me").then().body("presence", equalTo("AVAILABLE"));
        VoiceWebhooks.status("CAlive1", "completed", null).then().statusCode(204);
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(1));
    }

    @Test
    void unansweredLiveDialFallsBackToTheRecording() {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "omar", "password", Fixtures.PASSWORD,
                        "displayName", "Omar", "phone", "+15557654322", "skills", List.of()))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence("omar", "AVAILABLE");
        only(twiml(VoiceWebhooks.incoming("CAlive2").then().extract().asString()), "Dial");

        Map<String, String> ended = VoiceWebhooks.call("CAlive2");
        ended.put("DialCallStatus", "no-answer");
        only(twiml(VoiceWebhooks.post(VoicePaths.DIALED, ended).then().statusCode(200).extract().asString()),
                "Record");
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
        as("omar").get("/api/me").then().body("presence", equalTo("AVAILABLE"));
    }
}
