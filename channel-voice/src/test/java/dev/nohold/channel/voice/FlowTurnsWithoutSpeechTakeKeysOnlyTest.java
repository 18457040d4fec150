package dev.nohold.channel.voice;

import dev.nohold.core.flow.Rendered;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.lang.reflect.Proxy;
import java.util.List;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code nohold.voice.flow-speech=none}: a flow's turn listens for keys only and gives Twilio no speech hints, so no
 * caller's words go to Twilio's recognizer, and the caller is not told to say anything; with {@code twilio} (the
 * default) it takes keys and speech.
 */
class FlowTurnsWithoutSpeechTakeKeysOnlyTest {

    private static final Rendered.VoicePrompt MENU = new Rendered.VoicePrompt(
            "What is it about? For Billing, press 1 or say Billing.", true, "dtmf speech", 1,
            List.of("Billing", "bill"), "What is it about? For Billing, press 1.");

    @Test
    void withoutSpeechTheGatherTakesKeysOnly() {
        Element gather = only(twiml(new VoiceTwiml(config(VoiceConfig.FlowSpeech.NONE)).flowTurn(MENU, 3, 0)),
                "Gather");
        assertEquals("dtmf", gather.getAttribute("input"));
        assertEquals("", gather.getAttribute("hints"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertEquals(VoicePaths.FLOW_TURN + "?turn=3", gather.getAttribute("action"));
        assertEquals("What is it about? For Billing, press 1.", only(gather, "Say").getTextContent());

        Element withSpeech = only(twiml(new VoiceTwiml(config(VoiceConfig.FlowSpeech.TWILIO)).flowTurn(MENU, 3, 0)),
                "Gather");
        assertEquals("dtmf speech", withSpeech.getAttribute("input"));
        assertEquals("Billing,bill", withSpeech.getAttribute("hints"));
        assertEquals(MENU.say(), only(withSpeech, "Say").getTextContent());
    }

    /** The settings a turn's TwiML reads; any other is not this test's business. */
    private static VoiceConfig config(VoiceConfig.FlowSpeech speech) {
        return (VoiceConfig) Proxy.newProxyInstance(VoiceConfig.class.getClassLoader(),
                new Class<?>[]{VoiceConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "flowSpeech" -> speech;
                    case "language" -> "en-US";
                    case "voice" -> "Polly.Joanna";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
