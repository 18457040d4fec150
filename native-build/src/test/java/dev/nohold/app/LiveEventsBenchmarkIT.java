package dev.nohold.app;

import dev.nohold.core.testing.SseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * Live event latency across nodes, printed, not asserted: two packaged platforms on one PostgreSQL, requests taken
 * in on node 1 and assigned at once to an idle agent; an event stream open on each node. For each assignment, the
 * time from the ASSIGNED event's own timestamp (taken in the assigning transaction, before its commit) until each
 * stream received it, split by whether the stream is on the node that made the assignment (found in its log) or
 * on the other. Run:
 * {@code ./mvnw -q -pl native-build -am verify -Pbenchmark -Dit.test=LiveEventsBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class LiveEventsBenchmarkIT {

    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 250);
    private static final int WARM_UP = 20;
    private static final int AGENTS = 3;

    @TempDir
    Path work;

    private TwoNodes nodes;
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        streams.forEach(SseClient::close);
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void assignmentToEventStreamLatency() throws Exception {
        nodes = TwoNodes.start(work);
        List<PlatformProcess> both = List.of(nodes.first, nodes.second);
        for (int i = 0; i < AGENTS; i++) {
            nodes.createAgent("bench-" + i, 100);
            nodes.presence(nodes.first, "bench-" + i, "AVAILABLE");
        }
        for (PlatformProcess node : both) {
            streams.add(SseClient.open(node.baseUrl(), "admin", TwoNodes.ADMIN_PASSWORD));
        }

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String id = nodes.submit(nodes.first, "question " + i);
            for (SseClient stream : streams) {
                stream.await(Duration.ofSeconds(10), e -> "ASSIGNED".equals(e.type()) && id.equals(e.requestId()));
            }
            if (i >= WARM_UP) {
                ids.add(id);
            }
        }

        List<Double> sameNode = new ArrayList<>();
        List<Double> otherNode = new ArrayList<>();
        for (String id : ids) {
            for (int node = 0; node < both.size(); node++) {
                SseClient.Received assigned = streams.get(node).events().stream()
                        .filter(e -> "ASSIGNED".equals(e.type()) && id.equals(e.requestId())).findFirst().orElseThrow();
                String reference = assigned.data().path("reference").asText();
                boolean madeHere = nodes.assignedOn(both.get(node), reference);
                Instant at = Instant.parse(assigned.data().path("at").asText());
                double millis = Duration.between(at, assigned.receivedAt()).toNanos() / 1e6;
                (madeHere ? sameNode : otherNode).add(millis);
            }
        }
        System.out.printf("%nLive events, %d assignments (after %d warm-up), two nodes on one PostgreSQL:%n",
                ids.size(), WARM_UP);
        print("assigned -> event on a stream on the same node", sameNode);
        print("assigned -> event on a stream on the other node", otherNode);
        for (int node = 0; node < both.size(); node++) {
            String metrics = given().get(both.get(node).baseUrl() + "/q/metrics").asString();
            System.out.printf("  node-%d heard every event (its listener, before the streams): %s%n", node + 1,
                    metrics.lines().filter(line -> line.startsWith("nohold_live_events_lag_seconds{"))
                            .map(line -> line.replaceAll(".*quantile=\"([0-9.]+)\".* ([0-9.Ee-]+)$", "p$1=$2 s"))
                            .toList());
        }
    }

    private static void print(String what, List<Double> millis) {
        if (millis.isEmpty()) {
            System.out.printf("  %-50s no samples%n", what);
            return;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-50s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
