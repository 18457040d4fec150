package dev.nohold.core.speech;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Decodes compressed recordings (WebM/Opus, Ogg, MP4/AAC, AMR, MP3, FLAC, AIFF) to a 16-bit PCM mono WAV at their own
 * rate, which the {@link AudioNormalizer} then treats like any WAV, its band-limited resampler included.
 *
 * <p>The decoder is the static ffmpeg that {@code ws.schild:jave-nativebin-linux64} carries (extracted once to the
 * temporary folder by jave's locator): nothing to install, and it decodes every form phones, browsers and messengers
 * send, which no maintained pure-Java library does (Opus and AMR above all). Being native code fed with strangers'
 * bytes, it runs in a separate process, never in the JVM, and on a short leash:
 * <ul>
 *   <li>the demuxer is the one the bytes announced ({@code -f ogg}), never ffmpeg's guess, and only the {@code file}
 *       protocol is allowed, so a file dressed as audio cannot make it read a playlist or open a connection;</li>
 *   <li>an empty environment (the platform's may hold credentials) and a folder of its own, deleted after;</li>
 *   <li>one thread a job and at most {@code nohold.speech.decode-jobs} jobs at once (default: one per core);</li>
 *   <li>a time limit ({@code nohold.speech.decode-timeout}) after which the process is killed;</li>
 *   <li>no more than {@code max-duration} (plus a second, to tell "too long" from "just long enough") is decoded, and
 *       the output file is capped, so a few KB of compressed silence cannot become gigabytes of samples;</li>
 *   <li>a memory cap ({@code nohold.speech.decode-memory}): the process's address space is limited with util-linux's
 *       {@code prlimit --as} where it is installed (the whole process, every allocation, the kernel enforces it;
 *       core dumps off too), and ffmpeg's own {@code -max_alloc} refuses any single block over a 32nd of the cap
 *       everywhere. {@code -max_alloc} alone bounds one allocation, not their sum, hence prlimit where there is one;
 *       a JVM cannot set another process's limits itself.</li>
 * </ul>
 * Whatever goes wrong is the recording's {@link UnusableAudio}, with ffmpeg's own words as the reason; the caller keeps
 * the bytes.
 */
@ApplicationScoped
public class CompressedAudioDecoder {

    private static final Logger LOG = Logger.getLogger(CompressedAudioDecoder.class);
    /** 48 kHz × 2 bytes: the largest rate a voice codec uses; an output past it for max-duration is not a voice. */
    private static final long OUTPUT_BYTES_PER_SECOND = 48_000 * 2;
    private static final int REASON_LENGTH = 200;
    private static final long DEFAULT_MEMORY = 512L * 1024 * 1024;
    private static final List<Path> PRLIMIT = List.of(Path.of("/usr/bin/prlimit"), Path.of("/bin/prlimit"));

    private final Supplier<String> ffmpeg;
    private final Duration timeout;
    private final Duration maxDuration;
    private final Semaphore jobs;
    private final long memoryBytes;
    private final Path prlimit;

    @Inject
    public CompressedAudioDecoder(SpeechConfig config) {
        this(new Locator(), config.decodeTimeout(), config.maxDuration(), config.decodeJobCount(),
                config.decodeMemory().asLongValue());
    }

    CompressedAudioDecoder(Supplier<String> ffmpeg, Duration timeout, Duration maxDuration, int jobs) {
        this(ffmpeg, timeout, maxDuration, jobs, DEFAULT_MEMORY);
    }

    CompressedAudioDecoder(Supplier<String> ffmpeg, Duration timeout, Duration maxDuration, int jobs,
                           long memoryBytes) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
        this.maxDuration = maxDuration;
        this.jobs = new Semaphore(Math.max(1, jobs), true);
        this.memoryBytes = memoryBytes;
        this.prlimit = PRLIMIT.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (prlimit == null) {
            LOG.warn("prlimit (util-linux) is not installed: the audio decoder's memory is capped per allocation"
                    + " (-max_alloc) only, not in total");
        }
    }

    /** Whether the decoder's whole address space is capped here (prlimit is installed), not only each allocation. */
    boolean capsTotalMemory() {
        return prlimit != null;
    }

    /** A decoder outside CDI (tests, the benchmark), with the bundled ffmpeg. */
    public static CompressedAudioDecoder bundled(Duration timeout, Duration maxDuration, int jobs) {
        return new CompressedAudioDecoder(new Locator(), timeout, maxDuration, jobs);
    }

    /** As {@link #bundled(Duration, Duration, int)}, with a memory cap of its own. */
    static CompressedAudioDecoder bundled(Duration timeout, Duration maxDuration, int jobs, long memoryBytes) {
        return new CompressedAudioDecoder(new Locator(), timeout, maxDuration, jobs, memoryBytes);
    }

    /** The recording as a 16-bit PCM mono WAV at its own sample rate. */
    byte[] toWav(byte[] recording, AudioContainer container) throws UnusableAudio {
        if (container.demuxer == null) {
            throw new IllegalArgumentException(container + " is not decoded by ffmpeg");
        }
        try {
            jobs.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while waiting for a decoder");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("nohold-decode-");
            Path input = Files.write(folder.resolve("recording"), recording);
            Path output = folder.resolve("decoded.wav");
            Path errors = folder.resolve("errors.txt");
            ProcessBuilder decoding = new ProcessBuilder(command(container, input, output))
                    .directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            // The platform's environment may hold credentials; a decoder fed strangers' bytes needs none of it.
            decoding.environment().clear();
            Process process = decoding.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new UnusableAudio("Decoding the " + container.label + " recording took longer than "
                        + String.format(Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0) + ", so it was stopped; the recording is kept to be listened to");
            }
            if (outOfMemory(process.exitValue(), errors)) {
                throw new UnusableAudio("Decoding the " + container.label + " recording needed more memory than the"
                        + " decoder may use (" + memoryBytes / (1024 * 1024) + " MB, nohold.speech.decode-memory), so"
                        + " it was stopped (" + reason(errors) + "); the recording is kept to be listened to");
            }
            if (process.exitValue() != 0 || !Files.exists(output)) {
                throw new UnusableAudio("The " + container.label + " recording is damaged or not audio and cannot be"
                        + " decoded (" + reason(errors) + "); it is kept as received");
            }
            return Files.readAllBytes(output);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "The audio decoder could not run");
            throw new UnusableAudio("The " + container.label + " recording could not be decoded: the decoder did not"
                    + " run (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while decoding");
        } finally {
            jobs.release();
            deleteQuietly(folder);
        }
    }

    private List<String> command(AudioContainer container, Path input, Path output) {
        long limitSeconds = maxDuration.toSeconds() + 1;
        List<String> command = new ArrayList<>();
        if (prlimit != null) {
            command.addAll(List.of(prlimit.toString(), "--as=" + memoryBytes, "--core=0", "--"));
        }
        command.addAll(List.of(ffmpeg.get(), "-max_alloc", Long.toString(Math.max(64 << 10, memoryBytes / 32)),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-xerror",
                "-protocol_whitelist", "file", "-threads", "1",
                "-f", container.demuxer, "-i", input.toString(),
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-c:a", "pcm_s16le",
                "-t", Long.toString(limitSeconds),
                "-fs", Long.toString(limitSeconds * OUTPUT_BYTES_PER_SECOND + 1024),
                "-f", "wav", "-y", output.toString()));
        return command;
    }

    /**
     * An allocation refused (ffmpeg says so), or the process killed by a signal: past an address-space cap the
     * static binary cannot even start and dies of SIGSEGV, which the JVM sees as exit code 128 + 11.
     */
    private static boolean outOfMemory(int exitValue, Path errors) {
        if (exitValue > 128) {
            return true;
        }
        try {
            return exitValue != 0 && Files.readString(errors, StandardCharsets.UTF_8).contains("Cannot allocate memory");
        } catch (IOException e) {
            return false;
        }
    }

    /** ffmpeg's last words, which name the problem ("End of file", "matches no streams"), short and on one line. */
    private static String reason(Path errors) {
        try {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                return "the decoder gave no reason";
            }
            String reason = String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size()))
                    .replaceAll("/\\S*/recording", "the file");
            return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "…" : reason;
        } catch (IOException e) {
            return "the decoder gave no reason";
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("A decoding folder was left behind: %s", folder);
        }
    }

    /** jave's locator copies the binary out of its jar on first use; done once, when the first recording needs it. */
    private static final class Locator implements Supplier<String> {

        private volatile String path;

        @Override
        public String get() {
            if (path == null) {
                synchronized (this) {
                    if (path == null) {
                        path = new DefaultFFMPEGLocator().getExecutablePath();
                        LOG.infof("Compressed audio is decoded by %s", path);
                    }
                }
            }
            return path;
        }
    }
}
