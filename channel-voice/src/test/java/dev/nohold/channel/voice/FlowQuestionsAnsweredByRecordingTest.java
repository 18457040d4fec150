package dev.nohold.channel.voice;

import dev.nohold.core.speech.SpeechRecognizer;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code nohold.voice.flow-speech=none}, a flow's free-text question is answered by a {@code <Record>}: the
 * platform fetches the recording from Twilio, hears it with its own recognizer (Vosk) and gives the words to the flow,
 * once even when Twilio retries the callback. A recording Twilio will not give, or audio that is no recording, is
 * silence: the question again, then the ordinary recording.
 */
@QuarkusTest
@TestProfile(FlowQuestionsAnsweredByRecordingTest.SpeechNotToTwilio.class)
class FlowQuestionsAnsweredByRecordingTest {

    public static class SpeechNotToTwilio implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nohold.voice.flow-speech", "none");
        }
    }

    private static final String SPOKEN_DESK = """
            id: spoken-desk
            name: Spoken desk
            version: 1
            entry-points:
              - channel: "*"
                entry: spoken-desk
            steps:
              - id: issue
                ask: Please tell us what the problem is.
                into: issue
              - id: agent
                handoff: Thank you. We are passing you to our team.
            """;

    @Inject
    DataSource dataSource;
    @Inject
    SpeechRecognizer recognizer;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
        Fixtures.createAgent("sam", "supervisor");
        as("admin").contentType("text/plain").body(SPOKEN_DESK).put("/api/flows/spoken-desk").then().statusCode(200);
        as("admin").post("/api/flows/spoken-desk/activate").then().statusCode(200);
        // Unloaded, the model hears nothing: the recording would be silence whatever it holds.
        await().atMost(Duration.ofSeconds(60)).until(() -> recognizer.state() == SpeechRecognizer.State.READY);
    }

    @Test
    void theSpokenAnswerIsHeardByVoskAndTheFlowGoesOnOnceWhenTwilioRetries() {
        Element question = twiml(call("CAspoken", VoicePaths.INCOMING, Map.of()));
        assertEquals(0, question.getElementsByTagName("Gather").getLength());
        assertTrue(only(question, "Say").getTextContent().startsWith("Please tell us what the problem is."));
        Element record = only(question, "Record");
        assertEquals(VoicePaths.FLOW_RECORDED + "?turn=1&silence=0", record.getAttribute("action"));
        assertEquals("10", record.getAttribute("maxLength"));
        assertEquals("true", record.getAttribute("playBeep"));

        Map<String, String> recorded = recording("REspokenanswer1");
        Response told = VoiceWebhooks.post(record.getAttribute("action"), form("CAspoken", recorded));
        String answer = told.then().statusCode(200).extract().asString();
        only(twiml(answer), "Hangup");
        String id = (String) VoiceWebhooks.requestByReference(VoiceWebhooks.reference(told)).get("id");
        as("sam").get("/api/requests/" + id).then().body("attributes.issue", containsString("order"));

        // Twilio asks again: the same answer, without fetching or hearing the recording again, and one request.
        int fetches = TwilioStandIn.recordingFetches().size();
        assertEquals(answer, call("CAspoken", record.getAttribute("action"), recorded));
        assertEquals(fetches, TwilioStandIn.recordingFetches().size());
        as("sam").get("/api/requests?channel=voice").then().body("size()", equalTo(1));
    }

    @Test
    void aRecordingTwilioWillNotGiveOrThatIsNoAudioIsSilenceTheQuestionAgainThenTheOrdinaryRecording() {
        Element question = twiml(call("CAunheard", VoicePaths.INCOMING, Map.of()));

        Element again = twiml(call("CAunheard", only(question, "Record").getAttribute("action"),
                recording("REgone404")));
        assertTrue(only(again, "Say").getTextContent().startsWith("Please tell us what the problem is."));
        assertEquals(VoicePaths.FLOW_RECORDED + "?turn=2&silence=1", only(again, "Record").getAttribute("action"));

        Element ordinary = twiml(call("CAunheard", only(again, "Record").getAttribute("action"),
                recording("REgarbled1")));
        assertEquals(VoicePaths.RECORDED, only(ordinary, "Record").getAttribute("action"));
        as("sam").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
    }

    private static Map<String, String> recording(String recordingSid) {
        return Map.of("RecordingSid", recordingSid, "RecordingUrl", TwilioStandIn.recordingUrl(recordingSid),
                "RecordingDuration", "3");
    }

    private static String call(String callSid, String path, Map<String, String> fields) {
        return VoiceWebhooks.post(path, form(callSid, fields)).then().statusCode(200).extract().asString();
    }

    private static Map<String, String> form(String callSid, Map<String, String> fields) {
        Map<String, String> form = VoiceWebhooks.call(callSid);
        form.put("To", "spoken-desk");
        form.putAll(fields);
        return form;
    }
}
