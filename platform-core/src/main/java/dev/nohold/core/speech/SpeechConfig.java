package dev.nohold.core.speech;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Speech recognition's typed configuration under {@code nohold.speech.*}; every default lives here. */
@ConfigMapping(prefix = "nohold.speech")
public interface SpeechConfig {

    /** A Vosk model folder to use instead of the bundled small English model (another language, a larger model). */
    Optional<String> modelPath();

    /** The language of the default model ({@code model-path}, or the bundled one, which is English). */
    @WithDefault("en")
    String modelLanguage();

    /**
     * More Vosk models, each a folder by language tag ({@code nohold.speech.models.fr=/srv/vosk-model-small-fr-0.22}):
     * a recording whose request is in that language (or one of its regional forms) is heard by it. A language with no
     * model is heard by the default model, with a note on the request's timeline.
     */
    Map<String, String> models();

    /** Recordings longer than this are kept for the agent to hear but not transcribed. */
    @WithDefault("10m")
    Duration maxDuration();

    /** Recordings larger than this are kept but not transcribed: decoding holds a few copies in memory. */
    @WithDefault("64M")
    MemorySize maxBytes();

    /** How many recordings are transcribed at once; each takes one core. Default: the machine's cores. */
    OptionalInt threads();

    /** Safety-net poll for recordings waiting in TRANSCRIBING (a lost wake-up, a job left by a stopped node). */
    @WithDefault("30s")
    Duration pollInterval();

    /**
     * How long one node owns a transcription it started; renewed at every poll while it runs, so a node that stops
     * mid-way hands the recording to the next claim after at most this long.
     */
    @WithDefault("2m")
    Duration lease();

    /** A recording whose transcription was started this many times without finishing is queued without text. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * A transcript whose confidence (the mean of its words', 0 to 1) is below this flags its request: the recording may
     * be misheard, the agent should listen first. Measured on the fixtures: clean transcripts score 0.90 to 1, those
     * with a third of their words wrong 0.67 to 0.78.
     */
    @WithDefault("0.8")
    double lowConfidence();

    /** A compressed recording whose decoding takes longer is refused (kept, not transcribed) and its decoder killed. */
    @WithDefault("60s")
    Duration decodeTimeout();

    /**
     * The memory one decoder process may map (its address space, set with util-linux's {@code prlimit} where the
     * machine has it); no single allocation may exceed a 32nd of it (ffmpeg's {@code -max_alloc}), prlimit or not.
     * The static ffmpeg maps about 80 MB before it reads a byte and decodes a voice in about 15 MB more.
     */
    @WithDefault("512M")
    MemorySize decodeMemory();

    /** How many compressed recordings are decoded at once, one core each. Default: the machine's cores. */
    OptionalInt decodeJobs();

    default int decodeJobCount() {
        return Math.max(1, decodeJobs().orElse(Runtime.getRuntime().availableProcessors()));
    }

    default int workerCount() {
        return Math.max(1, threads().orElse(Runtime.getRuntime().availableProcessors()));
    }
}
