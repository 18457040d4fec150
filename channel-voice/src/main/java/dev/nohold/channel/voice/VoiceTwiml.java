package dev.nohold.channel.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import dev.nohold.core.flow.Rendered;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every TwiML document the voice channel answers or calls with, built with the Twilio SDK so the XML is always
 * what Twilio parses. Paths are relative: Twilio resolves them against the URL it called, the public URL.
 */
@ApplicationScoped
public class VoiceTwiml {

    private final VoiceConfig config;

    public VoiceTwiml(VoiceConfig config) {
        this.config = config;
    }

    /** No idle agent: the greeting, then the menu or straight to the recording. */
    public String takeMessage() {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder().say(say(config.prompts().greeting(), null));
        if (offersMenu()) {
            twiml.gather(new Gather.Builder().numDigits(1).timeout(6).action(VoicePaths.MENU).method(HttpMethod.POST)
                    .say(say(config.prompts().menu(), null)).build());
        }
        // No key pressed: the caller is recorded all the same.
        return record(twiml).build().toXml();
    }

    /** The recording alone: menu choice 1, or an agent who did not pick up. */
    public String recordOnly() {
        return record(new VoiceResponse.Builder()).build().toXml();
    }

    /**
     * An agent is held for the call: the caller is bridged to their phone. When the agent picks up, Twilio asks
     * {@code /agent-answered} (with the hold's id) before bridging; the dial's end goes to {@code /dialed}.
     */
    public String dial(String agentPhone, UUID reservationId) {
        return dial(null, agentPhone, reservationId);
    }

    /** As {@link #dial(String, UUID)}, after {@code lead} (a flow's parting words) when there are any. */
    public String dial(String lead, String agentPhone, UUID reservationId) {
        return new VoiceResponse.Builder()
                .say(say(lead == null || lead.isBlank() ? config.prompts().connecting()
                        : lead.strip() + " " + config.prompts().connecting(), null))
                .dial(new Dial.Builder().action(VoicePaths.DIALED).method(HttpMethod.POST)
                        .timeout(config.dialTimeoutSeconds())
                        .number(new Number.Builder(agentPhone)
                                .url(VoicePaths.AGENT_ANSWERED + "?reservation=" + reservationId)
                                .method(HttpMethod.POST).build())
                        .build())
                .build().toXml();
    }

    /** Said to the agent's leg when the call is no longer theirs (they went offline meanwhile); it hangs up. */
    public String notYoursAnyMore() {
        return sayAndHangUp("This call has gone to voicemail.");
    }

    /** An empty document: the agent picked up and is bridged to the caller. */
    public String bridge() {
        return new VoiceResponse.Builder().build().toXml();
    }

    /** The request is taken: thanks, its reference, and the call ends. */
    public String thanks(String reference) {
        return sayAndHangUp(fill(config.prompts().thanks(), Map.of("reference", spelled(reference))));
    }

    /**
     * A caller over {@code nohold.limits.per-address}: a busy tone, without answering (nothing is billed). Twilio takes
     * no 429 on a voice webhook: the caller would hear its "application error" message instead.
     */
    public String busy() {
        return new VoiceResponse.Builder().reject(new Reject.Builder().reason(Reject.Reason.BUSY).build()).build()
                .toXml();
    }

    /**
     * A flow's turn that waits for the caller: its words inside a {@code <Gather>} of keys (and speech, unless
     * {@code flow-speech} is {@code none}) whose action is {@code /flow-turn} with the turn's number, so a retry of
     * the callback is known. Nothing heard: the {@code <Redirect>} after it reports the silence (counted in
     * {@code silence}) to the same action. Keys only, the turn is worded without "or say …".
     */
    public String flowTurn(Rendered.VoicePrompt prompt, int turn, int silence) {
        String action = VoicePaths.FLOW_TURN + "?turn=" + turn;
        boolean speech = config.flowSpeech() == VoiceConfig.FlowSpeech.TWILIO && prompt.input().contains("speech");
        Gather.Builder gather = new Gather.Builder()
                .inputs(speech ? List.of(Gather.Input.DTMF, Gather.Input.SPEECH) : List.of(Gather.Input.DTMF))
                .action(action).method(HttpMethod.POST)
                .say(say(speech || prompt.keysSay() == null ? prompt.say() : prompt.keysSay(), null));
        if (prompt.numDigits() > 0) {
            gather.numDigits(prompt.numDigits());
        } else {
            gather.finishOnKey("#");
        }
        if (speech) {
            gather.speechTimeout("auto");
            gatherLanguage(config.language()).ifPresent(gather::language);
            if (!prompt.hints().isEmpty()) {
                gather.hints(String.join(",", prompt.hints()));
            }
        }
        return new VoiceResponse.Builder().gather(gather.build())
                .redirect(new Redirect.Builder(action + "&silence=" + silence).method(HttpMethod.POST).build())
                .build().toXml();
    }

    /**
     * A flow's turn whose answer is words while Twilio's speech recognition is not wanted ({@code flow-speech=none}):
     * its words, then a {@code <Record>} of at most {@code flow-record-seconds} whose action {@code /flow-recorded}
     * (with the turn) fetches and transcribes it. Twilio skips the action when nothing was recorded: the
     * {@code <Redirect>} after it reports the silence to {@code /flow-turn} like a quiet {@code <Gather>}.
     */
    public String flowRecord(Rendered.VoicePrompt prompt, int turn, int silence) {
        return new VoiceResponse.Builder()
                .say(say(prompt.say().strip() + " " + config.prompts().flowRecord(), null))
                .record(new Record.Builder().action(VoicePaths.FLOW_RECORDED + "?turn=" + turn + "&silence=" + silence)
                        .method(HttpMethod.POST).maxLength(config.flowRecordSeconds())
                        .timeout(config.flowRecordSilenceSeconds()).finishOnKey(config.finishOnKey())
                        .trim(Record.Trim.TRIM_SILENCE).playBeep(true).build())
                .redirect(new Redirect.Builder(VoicePaths.FLOW_TURN + "?turn=" + turn + "&silence=" + silence)
                        .method(HttpMethod.POST).build())
                .build().toXml();
    }

    /** A flow handed the caller to people and nobody can take the call now: its parting words, the reference, bye. */
    public String flowHandedOver(String partingWords, String reference) {
        String thanks = fill(config.prompts().thanks(), Map.of("reference", spelled(reference)));
        return sayAndHangUp(partingWords == null || partingWords.isBlank() ? thanks
                : partingWords.strip() + " " + thanks.replaceFirst("^Thank you\\. ", ""));
    }

    public String sayAndHangUp(String text) {
        return new VoiceResponse.Builder().say(say(text, null)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** The menu got a key it does not know: the menu again. */
    public String menuAgain() {
        return new VoiceResponse.Builder().redirect(new Redirect.Builder(VoicePaths.INCOMING_MENU)
                .method(HttpMethod.POST).build()).build().toXml();
    }

    /** The callback call: the agent's recorded voice when there is one, else their text, in the request's language. */
    public String callback(String reference, String text, String playUrl, String language) {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder()
                .say(say(fill(config.prompts().callbackIntro(), Map.of("reference", spelled(reference))), language));
        if (playUrl != null) {
            twiml.play(new Play.Builder(playUrl).build());
        } else {
            twiml.say(say(text, language));
        }
        return twiml.say(say(config.prompts().callbackOutro(), language)).hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    String chatLinkSent() {
        return config.prompts().chatLinkSent();
    }

    boolean offersMenu() {
        return config.menu() && config.chatUrl().isPresent();
    }

    private VoiceResponse.Builder record(VoiceResponse.Builder twiml) {
        return twiml.say(say(config.prompts().record(), null))
                .record(new Record.Builder().action(VoicePaths.RECORDED).method(HttpMethod.POST)
                        .maxLength(config.maxRecordSeconds()).finishOnKey(config.finishOnKey())
                        .trim(Record.Trim.TRIM_SILENCE).playBeep(true).build())
                // Twilio skips the action when the recording is empty: the caller said nothing.
                .redirect(new Redirect.Builder(VoicePaths.RECORDED).method(HttpMethod.POST).build());
    }

    private Say say(String text, String language) {
        Say.Builder say = new Say.Builder(text);
        voice().ifPresent(say::voice);
        sayLanguage(language == null ? config.language() : language).ifPresent(say::language);
        return say.build();
    }

    private Optional<Say.Voice> voice() {
        return Arrays.stream(Say.Voice.values()).filter(v -> v.toString().equalsIgnoreCase(config.voice())).findFirst();
    }

    // A request's language may be a bare "en"; Twilio wants a region, so the first matching tag is taken.
    private static Optional<Say.Language> sayLanguage(String tag) {
        return Arrays.stream(Say.Language.values()).filter(l -> l.toString().equalsIgnoreCase(tag)).findFirst()
                .or(() -> Arrays.stream(Say.Language.values())
                        .filter(l -> l.toString().toLowerCase().startsWith(tag.toLowerCase() + "-")).findFirst());
    }

    private static Optional<Gather.Language> gatherLanguage(String tag) {
        return Arrays.stream(Gather.Language.values()).filter(l -> l.toString().equalsIgnoreCase(tag)).findFirst();
    }

    /** "A B 3 K 7 Q": a reference read letter by letter, so the caller can write it down. */
    static String spelled(String reference) {
        return String.join(" ", reference.split(""));
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
