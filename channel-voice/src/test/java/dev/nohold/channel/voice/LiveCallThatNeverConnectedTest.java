package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A live call rings an agent who goes OFFLINE before picking up: the call never connected, so nothing about it may
 * reach the next agent as work without content. The caller's own request is what they leave afterwards: their
 * recording, or a "please call back" request with their number.
 */
@QuarkusTest
class LiveCallThatNeverConnectedTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "lena", "password", Fixtures.PASSWORD,
                        "displayName", "Lena", "phone", "+15557654321", "skills", List.of()))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence("lena", "AVAILABLE");
    }

    @Test
    void agentGoingOfflineWhileTheCallRingsHandsNoEmptyRequestToTheNextAgent() {
        only(twiml(VoiceWebhooks.incoming("CAring1").then().statusCode(200).extract().asString()), "Dial");
        Fixtures.presence("lena", "OFFLINE");
        Fixtures.createAgent("bob");
        Fixtures.presence("bob", "AVAILABLE");

        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
        as("bob").get("/api/me/requests").then().body("$", empty());

        Map<String, String> ended = VoiceWebhooks.call("CAring1");
        ended.put("DialCallStatus", "no-answer");
        only(twiml(VoiceWebhooks.post(VoicePaths.DIALED, ended).then().statusCode(200).extract().asString()),
                "Record");
        VoiceWebhooks.status("CAring1", "completed", null).then().statusCode(204);

        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(1))
                .body("[0].text", equalTo(RecordedCalls.NO_MESSAGE))
                .body("[0].from", equalTo(VoiceWebhooks.CALLER));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("bob").get("/api/me/requests").then()
                .body("text", equalTo(List.of(RecordedCalls.NO_MESSAGE))));
    }

    @Test
    void callerWhoseLiveCallWasNotTakenLeavesTheirRecordingAsTheRequest() {
        only(twiml(VoiceWebhooks.incoming("CAring2").then().statusCode(200).extract().asString()), "Dial");
        Fixtures.presence("lena", "OFFLINE");

        Map<String, String> ended = VoiceWebhooks.call("CAring2");
        ended.put("DialCallStatus", "no-answer");
        only(twiml(VoiceWebhooks.post(VoicePaths.DIALED, ended).then().statusCode(200).extract().asString()),
                "Record");
        String reference = VoiceWebhooks.reference(VoiceWebhooks.recorded("CAring2", "REring2", 3)
                .then().statusCode(200).extract().response());

        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(1))
                .body("[0].reference", equalTo(reference))
                .body("text", everyItem(not(startsWith("Live call"))));
    }
}
