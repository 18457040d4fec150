package dev.nohold.channel.webchat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The web chat's typed configuration under {@code nohold.webchat.*}; the defaults live here and in the README. */
@ConfigMapping(prefix = "nohold.webchat")
public interface WebChatConfig {

    /**
     * The sites (origins, e.g. {@code https://shop.example}) whose pages may carry the widget. The platform's own
     * origin ({@code nohold.public-url}) is always allowed; every other page's frame and socket are refused.
     */
    Optional<List<String>> allowedOrigins();

    /** The longest message a customer may type, in characters. */
    @WithDefault("2000")
    int maxMessageLength();

    /** The largest voice note taken, in bytes (WebM/Opus at 32 kbit/s is about 240 KB a minute). */
    @WithDefault("2000000")
    int maxVoiceNoteBytes();

    /** The longest voice note the page records before it stops by itself. */
    @WithDefault("2m")
    Duration maxVoiceNoteLength();

    /** Messages and voice notes one browser may send per minute. */
    @WithDefault("20")
    int messagesPerMinute();

    /** Messages and voice notes one client address may send per minute, all its browsers together. */
    @WithDefault("60")
    int messagesPerMinutePerAddress();

    /** The window of past assignments whose pace gives the wait estimate. */
    @WithDefault("1h")
    Duration waitEstimateWindow();

    /**
     * An answer the customer's browser has not shown this long after it came goes out by SMS to the number they left
     * (through the core's SMS channel, when one is installed).
     */
    @WithDefault("10m")
    Duration smsAfter();

    /** How often acknowledged answers are reported delivered and unread ones checked for their SMS. */
    @WithDefault("2s")
    Duration sweepInterval();

    /** How long an agent is held for a live chat before the message is queued instead. */
    @WithDefault("30s")
    Duration liveOffer();
}
