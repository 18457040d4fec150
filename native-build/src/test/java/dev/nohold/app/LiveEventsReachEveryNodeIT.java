package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import dev.nohold.core.testing.SseClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged platforms on one external PostgreSQL, with their default (slow) safety-net polls: an assignment
 * made on either node reaches the event streams open on both within a couple of seconds, also after a database
 * outage, which the nodes' listeners ride out by reconnecting.
 */
class LiveEventsReachEveryNodeIT {

    static final String SECRET = "events-secret";
    private static final String ADMIN_PASSWORD = "events-admin";
    private static final Duration COUPLE_OF_SECONDS = Duration.ofSeconds(2);

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private final List<PlatformProcess> nodes = new ArrayList<>();
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        streams.forEach(SseClient::close);
        for (PlatformProcess node : nodes) {
            node.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anAssignmentMadeOnOneNodeReachesStreamsOnBothAlsoAfterADatabaseOutage() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("external-db"));
        int port = database.port();
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", ADMIN_PASSWORD,
                "nohold.webhook.secret", SECRET);
        PlatformProcess first = start("node-1", settings);
        PlatformProcess second = start("node-2", settings);

        as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "grace", "password", "password-123", "capacity", 5))
                .post(first.baseUrl() + "/api/admin/agents").then().statusCode(201);
        SseClient onFirst = stream(first, "grace", "password-123");
        SseClient onSecond = stream(second, "grace", "password-123");
        SseClient supervisorOnSecond = stream(second, "admin", ADMIN_PASSWORD);
        as("grace", "password-123").contentType(ContentType.JSON).body(Map.of("status", "AVAILABLE"))
                .put(first.baseUrl() + "/api/me/presence").then().statusCode(200);

        String id = submit(first, "asked on node one");
        for (SseClient stream : List.of(onFirst, onSecond, supervisorOnSecond)) {
            stream.await(COUPLE_OF_SECONDS, e -> "ASSIGNED".equals(e.type()) && id.equals(e.requestId()));
        }
        String reference = onSecond.events().stream().filter(e -> id.equals(e.requestId())).findFirst().orElseThrow()
                .data().path("reference").asText();
        assertEquals(1, assignedIn(reference, "node-1") + assignedIn(reference, "node-2"),
                "exactly one node made the assignment, so the other node's stream heard it across nodes");

        database.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(second.baseUrl() + "/q/health/ready").then().statusCode(503));
        database = EmbeddedDatabase.start(work.resolve("external-db"), port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get(first.baseUrl() + "/q/health/ready").then().statusCode(200);
            given().get(second.baseUrl() + "/q/health/ready").then().statusCode(200);
        });

        // The streams stayed open through the outage; the listeners reconnected by themselves.
        String afterOutage = submit(first, "asked after the outage");
        for (SseClient stream : List.of(onFirst, onSecond, supervisorOnSecond)) {
            stream.await(Duration.ofSeconds(15), e -> "ASSIGNED".equals(e.type()) && afterOutage.equals(e.requestId()));
        }
        assertTrue(supervisorOnSecond.types().contains("RECEIVED"));
    }

    private PlatformProcess start(String name, Map<String, String> settings) throws Exception {
        PlatformProcess node = PlatformProcess.start(work.resolve(name), settings);
        nodes.add(node);
        return node;
    }

    private SseClient stream(PlatformProcess node, String username, String password) {
        SseClient client = SseClient.open(node.baseUrl(), username, password);
        streams.add(client);
        return client;
    }

    /** 1 when the node's log says it made the assignment of the request with this reference. */
    private int assignedIn(String reference, String node) throws Exception {
        String log = Files.readString(work.resolve(node + ".log"));
        return log.contains("Request " + reference + " assigned to") ? 1 : 0;
    }

    static String submit(PlatformProcess node, String text) throws Exception {
        String body = """
                {"from": "crm-%d", "text": "%s", "callbackUrl": "http://127.0.0.1:9/answers"}"""
                .formatted(System.nanoTime(), text);
        return given().contentType(ContentType.JSON)
                .header("X-Nohold-Signature", "sha256=" + hmac(body))
                .body(body)
                .post(node.baseUrl() + "/channels/webhook/requests")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
