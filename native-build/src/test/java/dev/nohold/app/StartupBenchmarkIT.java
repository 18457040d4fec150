package dev.nohold.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up of the packaged platform on an existing data directory, printed phase by phase (milliseconds from the
 * launch of the JVM), without and with a JDK AOT cache (JEP 483/514, JDK 25): the one the build trained beside
 * {@code quarkus-run.jar} ({@link AotTraining}), else one trained here with {@code -XX:AOTCacheOutput}. Readiness is
 * {@code GET /q/health/ready} answering 200; the speech model loads behind it; with a package built with
 * {@code -Dquarkus.package.jar.appcds.enabled=true}, Quarkus's AppCDS archive is measured too. Run:
 * {@code ./mvnw -q -pl native-build -am verify -Pbenchmark -Dit.test=StartupBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbenchmark.rounds=N}, default 3).
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /** Log lines that end a phase, in the order they come. */
    private static final Map<String, Pattern> PHASES = phases();
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) ");

    @TempDir
    Path work;

    @Test
    void startUpBreakdown() throws Exception {
        Path data = work.resolve("data");
        System.out.println("First start (initdb, model unpacked): " + start(data, List.of(), "first").get("ready") + " ms");
        // The cache the build trained (the aot-cache profile, JDK 25+), as native-build/nohold starts with it; else
        // one trained here by a start that runs until the model loaded.
        Path built = jar().resolveSibling("app.aot");
        Path aot = Files.exists(built) ? built : work.resolve("app.aot");
        if (!Files.exists(built)) {
            start(data, List.of("-XX:AOTCacheOutput=" + aot.toAbsolutePath()), "training");
            assertTrue(Files.exists(aot), "the JDK wrote no AOT cache");
        }

        // Quarkus's own AppCDS archive, when the package was built with -Dquarkus.package.jar.appcds.enabled=true.
        boolean appCds = Files.exists(jar().resolveSibling("app-cds.jsa"));
        List<Map<String, Long>> plain = new ArrayList<>();
        List<Map<String, Long>> cached = new ArrayList<>();
        List<Map<String, Long>> cds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            plain.add(start(data, List.of(), "plain-" + round));
            cached.add(start(data, List.of("-XX:AOTCache=" + aot.toAbsolutePath()), "aot-" + round));
            if (appCds) {
                cds.add(start(data, List.of("-XX:SharedArchiveFile=app-cds.jsa"), "appcds-" + round));
            }
        }
        print("plain java -jar", plain);
        print(Files.exists(built) ? "with the build's AOT cache (app.aot, trained by AotTraining)"
                : "with -XX:AOTCache (JDK 25, trained once here)", cached);
        if (appCds) {
            print("with Quarkus's AppCDS archive", cds);
        }
        System.out.printf("Load average while measuring: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One start on {@code data}: each phase's end in ms after launch; stopped (SIGTERM) once the model loaded. */
    private Map<String, Long> start(Path data, List<String> jvmOptions, String name) throws Exception {
        int port = PlatformProcess.freePort();
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m"));
        command.addAll(jvmOptions);
        // Run from the package's folder, as its AppCDS archive records the class path relative to it.
        command.addAll(List.of("-Dnohold.data-dir=" + data.toAbsolutePath(), "-Dquarkus.http.port=" + port, "-jar",
                "quarkus-run.jar"));
        long launched = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).directory(jar().getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            long ready = awaitReady(process, port, launched);
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.readString(log).contains("Speech model loaded") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Map<String, Long> phases = phasesIn(Files.readAllLines(log), launched);
            phases.put("ready", ready);
            return phases;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long awaitReady(Process process, int port, long launched) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.currentTimeMillis() - launched < 180_000) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The platform exited with " + process.exitValue());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.currentTimeMillis() - launched;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Not ready within 3 minutes");
    }

    private static Map<String, Long> phasesIn(List<String> lines, long launched) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher time = LOG_TIME.matcher(line);
            if (!time.find()) {
                continue;
            }
            PHASES.forEach((phase, pattern) -> {
                if (!found.containsKey(phase) && pattern.matcher(line).find()) {
                    long at = LocalDate.now(ZoneOffset.UTC).atTime(LocalTime.parse(time.group(1)))
                            .toInstant(ZoneOffset.UTC).toEpochMilli();
                    found.put(phase, at - launched);
                }
            });
        }
        return found;
    }

    private static void print(String title, List<Map<String, Long>> runs) {
        System.out.println("Start-up on an existing data directory, " + title + " (ms after launch, median of "
                + runs.size() + "):");
        List<String> names = new ArrayList<>(PHASES.keySet());
        names.add(names.indexOf("camel started") + 1, "ready");
        for (String phase : names) {
            List<Long> values = runs.stream().map(r -> r.getOrDefault(phase, -1L)).sorted().toList();
            System.out.printf("  %-28s %6d   (runs: %s)%n", phase, values.get(values.size() / 2), values);
        }
    }

    private static Map<String, Pattern> phases() {
        Map<String, Pattern> phases = new LinkedHashMap<>();
        phases.put("first log line", Pattern.compile("."));
        phases.put("embedded postgres ready", Pattern.compile("Embedded PostgreSQL ready"));
        phases.put("flyway connected", Pattern.compile("FlywayExecutor.*Database:"));
        phases.put("flyway done", Pattern.compile("up to date|Successfully applied"));
        phases.put("quarkus started", Pattern.compile("\\[io.quarkus\\].*started in"));
        phases.put("camel started", Pattern.compile("camel-1\\) started in"));
        phases.put("speech model loaded", Pattern.compile("Speech model loaded"));
        return phases;
    }

    private static Path jar() {
        return Path.of(System.getProperty("nohold.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }
}
