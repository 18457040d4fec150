package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Two packaged platforms, each with its own data directory, on one external PostgreSQL: what an operator runs to
 * have several nodes. Holds the admin account, the webhook channel's secret and the calls the tests make.
 */
final class TwoNodes implements AutoCloseable {

    static final String ADMIN_PASSWORD = "nodes-admin";
    static final String PASSWORD = "password-123";
    private static final String SECRET = "nodes-secret";

    private final Path work;
    private final int databasePort;
    private EmbeddedDatabase database;
    final PlatformProcess first;
    final PlatformProcess second;

    private TwoNodes(Path work, EmbeddedDatabase database, PlatformProcess first, PlatformProcess second) {
        this.work = work;
        this.database = database;
        this.databasePort = database.port();
        this.first = first;
        this.second = second;
    }

    /** Starts the database and both nodes, with the platform's default timings. */
    static TwoNodes start(Path work) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("external-db"));
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", ADMIN_PASSWORD,
                "nohold.webhook.secret", SECRET);
        PlatformProcess first = PlatformProcess.start(work.resolve("node-1"), settings);
        PlatformProcess second = PlatformProcess.start(work.resolve("node-2"), settings);
        return new TwoNodes(work, database, first, second);
    }

    /** An agent account (capacity 5), made through node 1. */
    void createAgent(String username) {
        createAgent(username, 5);
    }

    void createAgent(String username, int capacity) {
        as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "capacity", capacity))
                .post(first.baseUrl() + "/api/admin/agents").then().statusCode(201);
    }

    void presence(PlatformProcess node, String username, String status) {
        as(username, PASSWORD).contentType(ContentType.JSON).body(Map.of("status", status))
                .put(node.baseUrl() + "/api/me/presence").then().statusCode(200);
    }

    /** A request left through the signed webhook channel of {@code node}, from a customer of its own; its id. */
    String submit(PlatformProcess node, String text) throws Exception {
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

    /** True when the node's log says it made the assignment of the request with this reference. */
    boolean assignedOn(PlatformProcess node, String reference) throws Exception {
        String name = node == first ? "node-1" : "node-2";
        return Files.readString(work.resolve(name + ".log")).contains("Request " + reference + " assigned to");
    }

    Path dataDir(PlatformProcess node) {
        return work.resolve(node == first ? "node-1" : "node-2");
    }

    void stopDatabase() throws Exception {
        database.close();
    }

    /** The database back on the port the nodes know. */
    void startDatabaseAgain() {
        database = EmbeddedDatabase.start(work.resolve("external-db"), databasePort);
    }

    static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    @Override
    public void close() throws Exception {
        for (PlatformProcess node : List.of(first, second)) {
            node.stop();
        }
        database.close();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
