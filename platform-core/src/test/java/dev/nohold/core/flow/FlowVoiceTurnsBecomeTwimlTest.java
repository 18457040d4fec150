package dev.nohold.core.flow;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call through a flow, as the voice channel will answer Twilio: each turn's voice prompt becomes TwiML with the
 * Twilio SDK ({@code <Gather input="dtmf speech">} around its {@code <Say>} while the flow waits, a last
 * {@code <Say>} when it hands off), parsed back as Twilio would read it; keys and speech go back in as the input.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowVoiceTurnsBecomeTwimlTest extends FlowTestBase {

    private static final String CALLER = "+15550007777";

    @Inject
    FlowConversations conversations;

    @Test
    void aCallerPressesKeysAndSpeaksThroughTheFlow() throws Exception {
        FlowReply opened = conversations.receive("voice", CALLER, "account-line", null).orElseThrow();
        assertFalse(opened.reply().voice().wantsWords(), "a menu is answered with keys");
        Element opening = twiml(opened);
        Element gather = child(opening, "Gather");
        assertEquals("dtmf speech", gather.getAttribute("input"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertTrue(gather.getAttribute("hints").contains("Billing"), gather.getAttribute("hints"));
        assertTrue(child(gather, "Say").getTextContent().startsWith("Welcome to Nohold support. What is it about?"
                + " For Billing, press 1 or say Billing."));

        FlowReply asked = conversations.receive("voice", CALLER, "account-line", "1").orElseThrow();
        assertFalse(asked.reply().voice().wantsWords(), "a number is answered with keys");
        Element account = twiml(asked);
        assertEquals("", child(account, "Gather").getAttribute("numDigits"));
        assertEquals("#", child(account, "Gather").getAttribute("finishOnKey"));

        Element again = twiml(conversations.receive("voice", CALLER, "account-line", "one two three").orElseThrow());
        assertTrue(child(child(again, "Gather"), "Say").getTextContent()
                .startsWith("An account number has exactly six digits"));

        FlowReply handed = conversations.receive("voice", CALLER, "account-line", "one two three four five six")
                .orElseThrow();
        Element last = twiml(handed);
        assertEquals(0, last.getElementsByTagName("Gather").getLength());
        assertTrue(child(last, "Say").getTextContent().contains("We have taken your request")
                || child(last, "Say").getTextContent().contains("one of our agents"));
        assertEquals("123456", handed.collected().get("account"));
        assertEquals(Outcome.HANDOFF, handed.outcome());
    }

    @Test
    void aQuestionForTheKnowledgeBaseWantsWordsThatKeysCannotGive() {
        conversations.receive("voice", "+15550007778", "account-line", null).orElseThrow();
        Rendered.VoicePrompt question = conversations.receive("voice", "+15550007778", "account-line", "2")
                .orElseThrow().reply().voice();
        assertTrue(question.gather() && question.say().contains("What is your question?"), question.say());
        assertTrue(question.wantsWords());
    }

    /** What the voice channel would answer Twilio with for this turn, parsed. */
    private static Element twiml(FlowReply reply) throws Exception {
        Rendered.VoicePrompt voice = reply.reply().voice();
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        Say say = new Say.Builder(voice.say()).build();
        if (voice.gather()) {
            Gather.Builder gather = new Gather.Builder()
                    .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                    .action("/channels/voice/twilio/flow")
                    .say(say);
            if (voice.numDigits() > 0) {
                gather.numDigits(voice.numDigits());
            } else {
                gather.finishOnKey("#");
            }
            if (!voice.hints().isEmpty()) {
                gather.hints(String.join(",", voice.hints()));
            }
            response.gather(gather.build());
        } else {
            response.say(say);
            if (!reply.handedOff()) {
                response.hangup(new Hangup.Builder().build());
            }
        }
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.build().toXml().getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagName(name).item(0);
    }
}
