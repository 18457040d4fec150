package dev.nohold.core.speech;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Until the engine has loaded, no recording is claimed: they wait in TRANSCRIBING, durable in the database, and are
 * taken up once it is ready (or failed, to be queued with the reason). Text requests never pass through here.
 */
class SpeechRequestsWaitForTheModelTest {

    private final List<Integer> claims = new ArrayList<>();
    private SpeechRecognizer.State engineState = SpeechRecognizer.State.LOADING;
    private final Transcriber transcriber = new Transcriber(
            new TranscriptionClaim(null, null, null) {
                @Override
                public List<ClaimedRecording> claim(int limit) {
                    claims.add(limit);
                    return List.of();
                }
            },
            new SpeechRecognizer() {
                @Override
                public String description() {
                    return "an engine under test";
                }

                @Override
                public State state() {
                    return engineState;
                }

                @Override
                public String failure() {
                    return engineState == State.FAILED ? "no model" : null;
                }

                @Override
                public Transcript recognize(NormalizedAudio audio) {
                    throw new AssertionError("nothing is claimed in these tests");
                }
            },
            null, null, null, null, threeWorkers(), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        transcriber.stop();
    }

    @Test
    void nothingIsClaimedWhileTheModelLoads() {
        transcriber.startDue();
        transcriber.startDue();

        assertEquals(List.of(), claims);
    }

    @Test
    void onceLoadedAsManyAreClaimedAsThereAreWorkers() {
        engineState = SpeechRecognizer.State.READY;

        transcriber.startDue();

        assertEquals(List.of(3), claims);
    }

    @Test
    void anEngineThatFailedStillReleasesTheWaitingRecordingsToBeQueuedWithTheReason() {
        engineState = SpeechRecognizer.State.FAILED;

        transcriber.startDue();

        assertEquals(List.of(3), claims);
    }

    private static SpeechConfig threeWorkers() {
        return new SpeechConfig() {
            @Override
            public Optional<String> modelPath() {
                return Optional.empty();
            }

            @Override
            public String modelLanguage() {
                return "en";
            }

            @Override
            public java.util.Map<String, String> models() {
                return java.util.Map.of();
            }

            @Override
            public Duration maxDuration() {
                return Duration.ofMinutes(10);
            }

            @Override
            public MemorySize maxBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(64_000_000));
            }

            @Override
            public OptionalInt threads() {
                return OptionalInt.of(3);
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration lease() {
                return Duration.ofMinutes(2);
            }

            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public double lowConfidence() {
                return 0.8;
            }

            @Override
            public Duration decodeTimeout() {
                return Duration.ofSeconds(60);
            }

            @Override
            public MemorySize decodeMemory() {
                return new MemorySize(java.math.BigInteger.valueOf(512L * 1024 * 1024));
            }

            @Override
            public OptionalInt decodeJobs() {
                return OptionalInt.empty();
            }
        };
    }
}
