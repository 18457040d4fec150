package dev.nohold.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The platform's typed configuration under {@code nohold.*}; every default lives here and in the README's table. */
@ConfigMapping(prefix = "nohold")
public interface NoholdConfig {

    /** Where the embedded database and stored media live. */
    @WithDefault("./data")
    String dataDir();

    /** The base URL Twilio and browsers use to reach the platform. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Admin admin();

    Intake intake();

    Dispatch dispatch();

    Delivery delivery();

    Conversation conversation();

    Events events();

    interface Admin {
        /** Password of the built-in {@code admin} account; generated and printed once when unset on first start. */
        Optional<String> password();
    }

    interface Intake {
        /** The longest text a customer or an agent may send, in characters. */
        @WithDefault("10000")
        int maxTextLength();

        Journal journal();
    }

    /** The intake journal: texts are durable at once and become requests right after (see IntakeJournal). */
    interface Journal {
        /** How many entries one drain transaction takes at most. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long the drain waits after a wake-up before it takes a batch: texts arriving meanwhile are taken in
         * the same transaction (a wake-up per text would take them one by one at a peak, at many times the cost).
         */
        @WithDefault("20ms")
        Duration linger();

        /**
         * The longest the drain waits between batches while texts keep coming (its last batch took some, but fewer
         * than {@code batch-size}); it waits {@code linger} for each text the last batch took, up to this. At a peak,
         * batches then take hundreds of texts, whose statements cost little more than a few texts'. A text becomes a
         * request this much later at most; its customer was answered already. 1 s rather than 200 ms: 8 % less CPU
         * per text at a peak (IntakeBenchmark, side by side); 3 s saved no more.
         */
        @WithDefault("1s")
        Duration peakLinger();

        /** How often each node looks for entries nobody took (a crashed node's): the safety net behind the wake-up. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long taken entries are kept, so a provider's late retry still gets the first answer. */
        @WithDefault("3d")
        Duration retention();

        /** After how many failed attempts an entry is left for an operator (its error logged and kept on it). */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Dispatch {
        /**
         * Safety-net poll: dispatch also runs this often, in case a wake-up was lost. Slow, because every node is
         * woken by the live events of the others.
         */
        @WithDefault("10s")
        Duration pollInterval();

        /**
         * An assignment still unanswered this long while its agent is away or no longer connected goes back to the
         * queue, first in line. Long enough for a short break; short enough that a customer is not forgotten.
         */
        @WithDefault("5m")
        Duration unansweredTimeout();

        /**
         * An agent whose inbox (event stream) has not been heard from for this long is no longer connected. The
         * stream's heartbeat ({@code nohold.events.heartbeat}) refreshes it several times within this.
         */
        @WithDefault("90s")
        Duration connectionTimeout();
    }

    interface Delivery {
        /**
         * How often due deliveries are looked for, besides the wake-up after each reply on any node. This poll also
         * starts retries when they fall due, so a retry may wait this much longer than its back-off.
         */
        @WithDefault("3s")
        Duration pollInterval();

        /** Wait before the first retry; each later retry waits twice as long, up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("2m")
        Duration maxBackoff();

        /** A delivery still failing this long after the reply is marked FAILED. */
        @WithDefault("30m")
        Duration giveUpAfter();

        /** How long one node owns a claimed delivery; a node that dies mid-send releases it after this. */
        @WithDefault("60s")
        Duration lease();

        @WithDefault("20")
        int batchSize();
    }

    interface Conversation {
        /**
         * A customer's text this long after their request was answered reopens it (back to the agent who answered
         * when they are free); later, it makes a new request. A week covers "I'll try it at the weekend" follow-ups.
         */
        @WithDefault("7d")
        Duration reopenWindow();
    }

    interface Events {
        /** How long live events are kept for clients resuming a stream with {@code Last-Event-ID}. */
        @WithDefault("24h")
        Duration retention();

        /** A comment sent this often keeps streams (and proxies) open and the agent's last-seen time fresh. */
        @WithDefault("20s")
        Duration heartbeat();

        /**
         * The listener's safety net: after this long without a notification it looks for events anyway, which also
         * proves its database connection alive.
         */
        @WithDefault("10s")
        Duration pollInterval();
    }
}
