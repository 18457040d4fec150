package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keypad menu's choices, and an agent's recorded voice played back to the caller through a signed link. */
@QuarkusTest
class VoiceMenuAndRecordedReplyTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    /** Option 2's text goes out through the core to whichever channel is installed as {@code sms}. */
    @Test
    void menuOneRecordsMenuTwoTextsTheChatLinkOtherKeysAskAgain() {
        only(twiml(menu("CAmenu1", "1")), "Record");

        Element texted = twiml(menu("CAmenu2", "2"));
        only(texted, "Hangup");
        assertEquals(1, SmsChannelStandIn.sent().size());
        assertEquals(VoiceWebhooks.CALLER, SmsChannelStandIn.sent().get(0).to());
        assertTrue(SmsChannelStandIn.sent().get(0).text().contains("https://help.example.test/chat"));

        assertEquals(VoicePaths.INCOMING_MENU, only(twiml(menu("CAmenu3", "9")), "Redirect").getTextContent());
        only(twiml(VoiceWebhooks.post(VoicePaths.INCOMING_MENU, VoiceWebhooks.call("CAmenu3")).then().statusCode(200)
                .extract().asString()), "Gather");
        as("admin").get("/api/requests?channel=voice").then().body("size()", equalTo(0));
    }

    @Test
    void recordedReplyIsPlayedFromASignedExpiringLink() throws Exception {
        String id = VoiceWebhooks.recordedAndAssignedTo("pia", "CAplay", "REplay");
        byte[] voice = TwilioStandIn.recording();
        as("pia").multiPart("audio", "reply.wav", voice, "audio/wav").post("/api/requests/" + id + "/reply")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 1);
        String link = only(twiml(TwilioStandIn.callsPlaced().get(0).field("Twiml")), "Play").getTextContent();
        assertTrue(link.startsWith(VoiceWebhooks.PUBLIC_URL + VoicePaths.REPLY_AUDIO + "/"), link);
        URI uri = URI.create(link);
        byte[] played = given().get(uri.getRawPath() + "?" + uri.getRawQuery()).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(voice, played);

        given().get(uri.getRawPath() + "?" + tamperedSignature(uri.getRawQuery())).then().statusCode(403);
        String expired = uri.getRawQuery().replaceAll("expires=\\d+", "expires=1000");
        given().get(uri.getRawPath() + "?" + expired).then().statusCode(403);
    }

    @Test
    void anAgentsWebmReplyIsPlayedOnTheCallbackCallAsWav() throws Exception {
        String id = VoiceWebhooks.recordedAndAssignedTo("pia", "CAwebm", "REwebm");
        byte[] webm;
        try (var in = getClass().getResourceAsStream("/speech/compressed/chrome-opus.webm")) {
            webm = in.readAllBytes();
        }
        as("pia").multiPart("audio", "reply.webm", webm, "audio/webm").post("/api/requests/" + id + "/reply")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 1);
        URI uri = URI.create(only(twiml(TwilioStandIn.callsPlaced().get(0).field("Twiml")), "Play").getTextContent());
        var played = given().get(uri.getRawPath() + "?" + uri.getRawQuery()).then().statusCode(200)
                .contentType("audio/wav").extract().asByteArray();

        assertEquals("RIFF", new String(played, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(played, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
        // 16 kHz mono 16-bit: 32,000 bytes a second, about 2.6 s of the agent's voice.
        assertEquals(2.6, (played.length - 44) / 32_000.0, 0.1);
    }

    /** The same query with the signature's first character changed (to one it certainly was not). */
    private static String tamperedSignature(String query) {
        int at = query.indexOf("sig=") + "sig=".length();
        char changed = query.charAt(at) == '0' ? '1' : '0';
        return query.substring(0, at) + changed + query.substring(at + 1);
    }

    private static String menu(String callSid, String digits) {
        Map<String, String> form = VoiceWebhooks.call(callSid);
        form.put("Digits", digits);
        return VoiceWebhooks.post(VoicePaths.MENU, form).then().statusCode(200).extract().asString();
    }
}
