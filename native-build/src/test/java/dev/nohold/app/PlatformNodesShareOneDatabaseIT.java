package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Two packaged platforms on one external PostgreSQL: work taken in on one node reaches an agent logged in on the
 * other; and while the database is down both answer 503, then carry on by themselves once it is back.
 */
class PlatformNodesShareOneDatabaseIT {

    private static final String SECRET = "nodes-secret";
    private static final String ADMIN_PASSWORD = "nodes-admin";

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private PlatformProcess first;
    private PlatformProcess second;

    @AfterEach
    void stopAll() throws Exception {
        for (PlatformProcess node : new PlatformProcess[] {first, second}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoNodesShareTheWorkAndRideOutADatabaseOutage() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("external-db"));
        int port = database.port();
        Map<String, String> settings = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", ADMIN_PASSWORD,
                "nohold.webhook.secret", SECRET,
                "nohold.dispatch.poll-interval", "500ms"));
        first = PlatformProcess.start(work.resolve("node-1"), settings);
        second = PlatformProcess.start(work.resolve("node-2"), settings);

        as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "grace", "password", "password-123"))
                .post(first.baseUrl() + "/api/admin/agents").then().statusCode(201);
        as("grace", "password-123").contentType(ContentType.JSON).body(Map.of("status", "AVAILABLE"))
                .put(second.baseUrl() + "/api/me/presence").then().statusCode(200);
        String id = submit(first, "asked on node one");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as("grace", "password-123").get(second.baseUrl() + "/api/me/requests").then()
                        .body("[0].id", equalTo(id)));

        database.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get(first.baseUrl() + "/q/health/ready").then().statusCode(503);
            as("admin", ADMIN_PASSWORD).get(second.baseUrl() + "/api/requests/" + id).then()
                    .statusCode(503).body("error", notNullValue());
        });

        database = EmbeddedDatabase.start(work.resolve("external-db"), port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get(first.baseUrl() + "/q/health/ready").then().statusCode(200);
            given().get(second.baseUrl() + "/q/health/ready").then().statusCode(200);
        });
        as("grace", "password-123").contentType(ContentType.JSON).body(Map.of("text", "answered from node two"))
                .post(second.baseUrl() + "/api/requests/" + id + "/reply").then().statusCode(201);
        as("admin", ADMIN_PASSWORD).get(first.baseUrl() + "/api/requests/" + id).then()
                .body("status", org.hamcrest.Matchers.oneOf("ANSWERED", "DELIVERED", "DELIVERY_FAILED"))
                .body("events.find { it.type == 'ASSIGNED' }.detail", containsString("grace"));
    }

    private static String submit(PlatformProcess node, String text) throws Exception {
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
