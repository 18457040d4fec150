package dev.nohold.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A short chaos run in every build (three nodes on one PostgreSQL, a few hundred requests, two {@code kill -9}s and a
 * PostgreSQL restart; see {@link ChaosRun}): nothing lost after a 2xx, nothing held by two agents, every answer
 * delivered, nothing stuck. {@code native-build/chaos/chaos.sh} runs the same with thousands of requests.
 */
class ChaosIT {

    @Test
    void nothingIsLostHeldTwiceOrStuckWhileNodesAndTheDatabaseAreKilled() throws Exception {
        // Kept after the run (the nodes' logs, the database), so a failure can be read; emptied at the next run.
        Path work = Path.of(System.getProperty("chaos.work", "target/chaos")).toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        ChaosRun run = new ChaosRun(ChaosRun.Settings.fromSystemProperties(240, Duration.ofSeconds(30), 2), work);
        try {
            ChaosHistory history = run.run();
            System.out.println(history.summary());
            List<String> violations = history.violations();
            assertEquals(List.of(), violations.subList(0, Math.min(violations.size(), 50)),
                    violations.size() + " violations; " + history.summary());
        } finally {
            run.stop();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
