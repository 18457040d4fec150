package dev.nohold.channel.voice;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every TwiML branch, parsed as XML: what Twilio will do with it is what the caller hears. */
@QuarkusTest
class VoiceTwimlTest {

    @Inject
    VoiceTwiml twiml;

    @Test
    void noIdleAgentGreetsOffersTheMenuAndRecords() {
        Element response = twiml(twiml.takeMessage());
        Element gather = only(response, "Gather");
        assertEquals(VoicePaths.MENU, gather.getAttribute("action"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertTrue(gather.getTextContent().contains("press 2"));
        assertRecords(response);
        assertTrue(response.getFirstChild().getTextContent().contains("call you back"));
    }

    @Test
    void recordingHasMaxLengthFinishKeyAndTrimsSilence() {
        assertRecords(twiml(twiml.recordOnly()));
    }

    @Test
    void liveDialBridgesToTheAgentPhoneAsksWhenTheyPickUpAndReportsItsEnd() {
        java.util.UUID reservation = java.util.UUID.randomUUID();
        Element dial = only(twiml(twiml.dial("+15557654321", reservation)), "Dial");
        assertEquals(VoicePaths.DIALED, dial.getAttribute("action"));
        Element number = only(dial, "Number");
        assertEquals("+15557654321", number.getTextContent());
        assertEquals(VoicePaths.AGENT_ANSWERED + "?reservation=" + reservation, number.getAttribute("url"));
    }

    @Test
    void thanksSpellsTheReferenceAndHangsUp() {
        Element response = twiml(twiml.thanks("AB3K7Q"));
        assertTrue(only(response, "Say").getTextContent().contains("A B 3 K 7 Q"));
        only(response, "Hangup");
    }

    @Test
    void callbackSaysTheAnswerInTheRequestLanguage() {
        Element response = twiml(twiml.callback("AB3K7Q", "Your order ships on Monday.", null, "en-GB"));
        var says = response.getElementsByTagName("Say");
        assertEquals("Your order ships on Monday.", says.item(1).getTextContent());
        assertEquals("en-GB", ((Element) says.item(1)).getAttribute("language"));
        assertEquals(0, response.getElementsByTagName("Play").getLength());
        only(response, "Hangup");
    }

    @Test
    void callbackPlaysTheAgentsRecording() {
        String url = "https://help.example.test/channels/voice/twilio/replies/x.wav?expires=1&sig=ab";
        Element response = twiml(twiml.callback("AB3K7Q", null, url, null));
        assertEquals(url, only(response, "Play").getTextContent());
    }

    private static void assertRecords(Element response) {
        Element record = only(response, "Record");
        assertEquals(VoicePaths.RECORDED, record.getAttribute("action"));
        assertEquals("120", record.getAttribute("maxLength"));
        assertEquals("#", record.getAttribute("finishOnKey"));
        assertEquals("trim-silence", record.getAttribute("trim"));
        assertEquals(VoicePaths.RECORDED, only(response, "Redirect").getTextContent());
    }
}
