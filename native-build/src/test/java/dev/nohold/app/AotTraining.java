package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the JDK's AOT cache (JEP 483/514, JDK 25): starts the packaged platform recording
 * ({@code -XX:AOTCacheOutput}), lets it do a first working day in miniature (texts by SMS and the webhook, an agent
 * signing in and answering), and stops it; the JVM writes {@code app.aot} beside {@code quarkus-run.jar} as it exits.
 * A platform started with {@code -XX:AOTCache=app.aot} (as {@code native-build/nohold} does) then finds Quarkus's,
 * Hibernate's and Camel's classes loaded and linked already: ready in 3 s instead of 7 on two cores.
 *
 * <p>Run by the {@code aot-cache} profile of {@code native-build} at {@code package} on a JDK 25 or newer; the
 * training's embedded database lives under {@code target/aot-training} and is thrown away.
 * Arguments: the {@code quarkus-app} directory, the training's data directory.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        Path cache = app.resolve("app.aot");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(app.resolve("app.aot.jdk"));
        deleteTree(data);
        Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
        Files.createDirectories(data.getParent());
        long started = System.nanoTime();
        try {
            // No Twilio is reachable: the answer's delivery fails and is retried, which is part of a day too.
            PlatformProcess platform = PlatformProcess.start(data, Senders.platformSettings("http://127.0.0.1:9"),
                    null, List.of("-XX:AOTCacheOutput=" + cache), app.resolve("quarkus-run.jar"));
            try {
                workingDay(platform);
            } finally {
                platform.stop();
            }
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the JVM wrote no cache");
            }
        } catch (Exception e) {
            // The packaged platform did not start or take a text: the build is broken, as a failed test says.
            throw new IllegalStateException("The AOT cache's training run failed (" + e.getMessage() + "); the "
                    + "platform's log is " + data + ".log. To build without the cache: -P!aot-cache", e);
        }
        // The cache serves only the JDK that wrote it: the launcher starts the platform with that one.
        Files.writeString(app.resolve("app.aot.jdk"), System.getProperty("java.home") + "\n");
        System.out.printf("AOT cache %s (%d MiB) trained in %d s%n", cache, Files.size(cache) >> 20,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void workingDay(PlatformProcess platform) throws Exception {
        String base = platform.baseUrl();
        AgentApi api = AgentApi.of(platform);
        api.createAgent("trainer", 1);
        accepted(Senders.sms(base, "SM%032d".formatted(1), "+15550000001", "My order never came"));
        accepted(Senders.webhook(base, "training-1", "crm:training", "Where is my refund?",
                "http://127.0.0.1:9/answers"));
        api.presence("trainer", "AVAILABLE");
        // The dispatcher assigns the texts to the agent who became available, a moment later.
        List<JsonNode> assigned = List.of();
        for (int tries = 0; tries < 50 && assigned.isEmpty(); tries++) {
            Thread.sleep(100);
            assigned = api.myRequests("trainer");
        }
        for (JsonNode request : assigned) {
            api.reply("trainer", request.get("id").asText(), "It is on its way.");
        }
        api.queue();
    }

    private static void accepted(int status) {
        if (status / 100 != 2) {
            throw new IllegalStateException("The training run's text was answered " + status);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
