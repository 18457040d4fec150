package dev.nohold.channel.voice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The voice channel's settings under {@code nohold.voice.*}: what callers hear, how their message is recorded, and
 * how answers are called back. Every default lives here and in the module's README table.
 */
@ConfigMapping(prefix = "nohold.voice")
public interface VoiceConfig {

    /** Larger bodies to the voice webhooks are refused unread: Twilio's own are a few kilobytes of form fields. */
    @WithDefault("65536")
    int maxWebhookBytes();

    /** Twilio's {@code <Say>} voice ({@code alice}, {@code Polly.Joanna}, …). */
    @WithDefault("Polly.Joanna")
    String voice();

    /** The language prompts are spoken in and callers' requests are taken in (a Twilio language tag). */
    @WithDefault("en-US")
    String language();

    /** Connect a caller live to an idle agent with a phone on their profile. */
    @WithDefault("true")
    boolean liveDial();

    /**
     * How long an agent stays held for a live call beyond the ring time (for the bridge and Twilio's callbacks); the
     * hold lapses by itself after the ring time plus this, should no word come of how the dial ended.
     */
    @WithDefault("30s")
    Duration liveHoldMargin();

    /** Seconds the agent's phone rings before the caller is offered the recording instead. */
    @WithDefault("20")
    int dialTimeoutSeconds();

    /** Offer the keypad menu (1: leave a spoken request, 2: a text with a link to web chat) before recording. */
    @WithDefault("false")
    boolean menu();

    /**
     * How a caller answers a conversation flow: {@code twilio}, by keys or in words (Twilio's speech recognition,
     * with the flow's choices as hints); {@code none}, by keys only, for numbers where speech must not go to Twilio.
     */
    @WithDefault("twilio")
    FlowSpeech flowSpeech();

    /**
     * With {@code flow-speech=none}, a flow's question keys cannot answer (free text, a date) is answered by a
     * recording the platform transcribes itself while Twilio waits for the answer (at most 15 s): this is its longest
     * length in seconds. It costs about 0.7 s of one core per second recorded (the speech benchmark in the README), on
     * top of up to about 4 s to fetch it: 10 s recorded keeps the webhook near 12 s in the worst case. Longer
     * answers are cut off there.
     */
    @WithDefault("10")
    int flowRecordSeconds();

    /** The seconds of silence that end a recorded answer to a flow's question. */
    @WithDefault("3")
    int flowRecordSilenceSeconds();

    /** The web chat link the menu's option 2 texts to the caller; without it option 2 is not offered. */
    Optional<String> chatUrl();

    /** The longest spoken request, in seconds. */
    @WithDefault("120")
    int maxRecordSeconds();

    /** The key that ends the recording. */
    @WithDefault("#")
    String finishOnKey();

    /** How often the recording is asked of Twilio before the request is queued without it. */
    @WithDefault("3")
    int recordingFetchAttempts();

    /** The wait for one recording download. */
    @WithDefault("3s")
    Duration recordingFetchTimeout();

    /** How often recordings whose fetch was interrupted (a node died mid-fetch) are looked for and fetched again. */
    @WithDefault("30s")
    Duration recordingResumeInterval();

    /** How long a signed link to an agent's recorded reply stays valid for Twilio's {@code <Play>}. */
    @WithDefault("2h")
    Duration replyAudioLinkTtl();

    /** Answering-machine detection on callback calls. */
    @WithDefault("VOICEMAIL")
    Machines machines();

    /** How many times a callback is called before it fails (and falls back to SMS when that is on). */
    @WithDefault("3")
    int callbackAttempts();

    /** Send the answer as an SMS when the callback fails for good. */
    @WithDefault("true")
    boolean fallbackToSms();

    Prompts prompts();

    /** Who understands a caller's words in a conversation flow. */
    enum FlowSpeech {
        /** Twilio's speech recognition, beside the keypad. */
        TWILIO,
        /** The keypad only. */
        NONE
    }

    /** What an answering machine gets. */
    enum Machines {
        /** No detection: whoever picks up hears the answer. */
        OFF,
        /** Wait for the beep, then leave the answer as a voicemail. */
        VOICEMAIL,
        /** A machine does not count: the call is tried again later. */
        RETRY
    }

    /** What callers hear; {reference} is replaced by the request's reference. */
    interface Prompts {
        @WithDefault("Thank you for calling. All our agents are busy right now, but we will call you back with the answer.")
        String greeting();

        @WithDefault("To leave your question as a voice message, press 1. To get a text message with a link to our web chat, press 2.")
        String menu();

        @WithDefault("Please say what you need after the beep, then press the pound key or hang up.")
        String record();

        /** After a flow's question the caller answers by recording (flow-speech none, a question keys cannot answer). */
        @WithDefault("Please answer after the beep, then press the pound key.")
        String flowRecord();

        @WithDefault("Thank you. Your request is {reference}. We will call you back as soon as an agent has the answer. Goodbye.")
        String thanks();

        @WithDefault("Please hold, we are connecting you to an agent.")
        String connecting();

        @WithDefault("Thank you for calling. Goodbye.")
        String goodbye();

        @WithDefault("We have sent you a text message with a link to our web chat. Goodbye.")
        String chatLinkSent();

        @WithDefault("Chat with us here: {link}")
        String chatLinkText();

        @WithDefault("Hello, this is the answer to your request {reference}.")
        String callbackIntro();

        @WithDefault("Goodbye.")
        String callbackOutro();
    }
}
