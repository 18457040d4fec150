package dev.nohold.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged platform ({@code quarkus-run.jar}) running as a separate JVM, as an operator starts it. */
final class PlatformProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private PlatformProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PlatformProcess start(Path dataDir, Map<String, String> settings) throws IOException, InterruptedException {
        return start(dataDir, settings, null);
    }

    /** As {@link #start(Path, Map)}, run from {@code workingDir} (where an operator's {@code config/} lives). */
    static PlatformProcess start(Path dataDir, Map<String, String> settings, Path workingDir)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("nohold.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        // As native-build/nohold starts it: with the AOT cache the build trained, when it trained one (JDK 25+).
        Path cache = jar.resolveSibling("app.aot");
        List<String> jvmOptions = Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
        return start(dataDir, settings, workingDir, jvmOptions, jar);
    }

    /** As {@link #start(Path, Map, Path)}, the platform {@code jar} with these JVM options besides the tests' own. */
    static PlatformProcess start(Path dataDir, Map<String, String> settings, Path workingDir, List<String> jvmOptions,
                                 Path jar) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // The test JVM's own options (the build's nohold.test.jvm: C1 alone, outside benchmarks).
        for (String option : System.getProperty("nohold.test.jvm", "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(jvmOptions);
        command.add("-Dnohold.data-dir=" + dataDir);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        PlatformProcess platform = new PlatformProcess(process, port, log);
        platform.awaitReady(Duration.ofSeconds(90));
        return platform;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** kill -9: no shutdown hook runs, the embedded PostgreSQL is left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the platform shuts down in order. Returns what it logged while stopping. */
    String stop() throws InterruptedException {
        try {
            long logged = Files.size(log);
            process.destroy();
            process.waitFor();
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(logged);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the platform's log " + log, e);
        }
    }

    private void awaitReady(Duration patience) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The platform exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The platform was not ready within " + patience);
    }

    /** A port nothing listens on now (for a platform, or a database started later). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
