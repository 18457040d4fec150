package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Twilio's retries, forgeries, broken recordings, silent callers and callbacks nobody picks up. */
@QuarkusTest
class VoiceWebhookEdgeCasesTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    @Test
    void repeatedRecordingCallbackMakesOneRequest() {
        String first = VoiceWebhooks.reference(VoiceWebhooks.recorded("CArepeat", "RErepeat", 3).then()
                .statusCode(200).extract().response());
        String second = VoiceWebhooks.reference(VoiceWebhooks.recorded("CArepeat", "RErepeat", 3).then()
                .statusCode(200).extract().response());
        assertEquals(first, second);
        String id = (String) VoiceWebhooks.requestByReference(first).get("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED")));
        assertEquals(1, TwilioStandIn.recordingFetches().size());
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(1));
    }

    @Test
    void forgedSignatureIsRefusedAndStoresNothing() {
        Map<String, String> form = VoiceWebhooks.call("CAforged");
        form.put("RecordingSid", "REforged");
        form.put("RecordingUrl", TwilioStandIn.recordingUrl("REforged"));
        form.put("RecordingDuration", "3");
        given().formParams(form).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post(VoicePaths.RECORDED).then().statusCode(403).contentType(ContentType.JSON)
                .body("error", containsString("X-Twilio-Signature"));
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
        assertEquals(0, TwilioStandIn.recordingFetches().size());
    }

    @Test
    void failingRecordingIsRetriedThenQueuedWithTheReason() {
        String reference = VoiceWebhooks.reference(VoiceWebhooks.recorded("CAbroken", "REbroken1", 4).then()
                .statusCode(200).extract().response());
        Map<String, Object> request = VoiceWebhooks.requestByReference(reference);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("admin").get("/api/requests/" + request.get("id"))
                .then().body("status", equalTo("QUEUED"))
                .body("text", containsString("could not be fetched"))
                .body("events.type", hasItem("AUDIO_UNAVAILABLE")));
        assertEquals(3, TwilioStandIn.recordingFetches().size());
    }

    @Test
    void recordingUrlOffTheTwilioHostIsNeverFetched() {
        Map<String, String> form = VoiceWebhooks.call("CAelsewhere");
        form.put("RecordingSid", "REelsewhere");
        form.put("RecordingUrl", "http://169.254.169.254/latest/meta-data");
        form.put("RecordingDuration", "3");
        String reference = VoiceWebhooks.reference(VoiceWebhooks.post(VoicePaths.RECORDED, form).then()
                .statusCode(200).extract().response());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "QUEUED".equals(VoiceWebhooks.requestByReference(reference).get("status")));
        assertEquals(0, TwilioStandIn.recordingFetches().size());
    }

    @Test
    void callerWhoHangsUpSilentLeavesACallBackRequest() {
        VoiceWebhooks.incoming("CAsilent").then().statusCode(200);
        VoiceWebhooks.status("CAsilent", "completed", null).then().statusCode(204);
        VoiceWebhooks.status("CAsilent", "completed", null).then().statusCode(204);
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(1))
                .body("[0].text", equalTo(RecordedCalls.NO_MESSAGE)).body("[0].status", equalTo("QUEUED"));
    }

    @Test
    void recordingArrivingAfterTheCallEndedReplacesTheCallBackRequest() {
        VoiceWebhooks.status("CAlate", "completed", null).then().statusCode(204);
        String reference = VoiceWebhooks.reference(VoiceWebhooks.recorded("CAlate", "RElate", 3).then()
                .statusCode(200).extract().response());
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(2))
                .body("find { it.text == '" + RecordedCalls.NO_MESSAGE + "' }.status", equalTo("CANCELLED"))
                .body("find { it.reference == '" + reference + "' }.status", not(equalTo("CANCELLED")));
        VoiceWebhooks.status("CAlate", "completed", null).then().statusCode(204);
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(2));
    }

    @Test
    void emptyRecordingLeavesACallBackRequestAndThanksTheCaller() {
        Map<String, String> form = VoiceWebhooks.call("CAempty");
        String reference = VoiceWebhooks.reference(VoiceWebhooks.post(VoicePaths.RECORDED, form).then()
                .statusCode(200).extract().response());
        assertEquals(RecordedCalls.NO_MESSAGE, VoiceWebhooks.requestByReference(reference).get("text"));
    }

    @Test
    void lateStatusOfAnEarlierCallbackLeavesNoRequest() {
        Map<String, String> form = VoiceWebhooks.call("CAoldcallback");
        form.put("From", VoiceWebhooks.OUR_NUMBER);
        form.put("To", VoiceWebhooks.CALLER);
        form.put("Direction", "outbound-api");
        form.put("CallStatus", "completed");
        VoiceWebhooks.post(VoicePaths.STATUS, form).then().statusCode(204);
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
    }

    @Test
    void unansweredCallbackIsRetriedThenFallsBackToSms() {
        String id = VoiceWebhooks.recordedAndAssignedTo("nina", "CAnoanswer", "REnoanswer");
        as("nina").contentType(ContentType.JSON).body(Map.of("text", "We refunded you."))
                .post("/api/requests/" + id + "/reply").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 1);
        VoiceWebhooks.callbackStatus(TwilioStandIn.callsPlaced().get(0).sid(), "no-answer", null).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 2);
        VoiceWebhooks.callbackStatus(TwilioStandIn.callsPlaced().get(1).sid(), "busy", null).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> SmsChannelStandIn.sent().size() == 1);
        assertEquals("We refunded you.", SmsChannelStandIn.sent().get(0).text());
        assertEquals(2, TwilioStandIn.callsPlaced().size());
        as("admin").get("/api/requests/" + id).then()
                .body("deliveries.channel", hasItem("sms"))
                .body("events.type", hasItem("DELIVERY_FALLBACK"));
    }
}
