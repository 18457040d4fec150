package dev.nohold.app;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The packaged platform on its embedded default, killed with {@code kill -9} and stopped in order: queued
 * requests, assignments and pending deliveries all carry on after the next start on the same data directory.
 */
class PlatformSurvivesRestartIT {

    private static final String SECRET = "restart-secret";
    private static final String ADMIN_PASSWORD = "restart-admin";
    private static final Map<String, String> SETTINGS = Map.of(
            "nohold.admin.password", ADMIN_PASSWORD,
            "nohold.webhook.secret", SECRET,
            "nohold.delivery.poll-interval", "200ms",
            "nohold.delivery.initial-backoff", "200ms",
            "nohold.delivery.max-backoff", "500ms",
            // A node killed mid-send holds its lease this long; short here so the test need not wait a minute.
            "nohold.delivery.lease", "3s");

    @TempDir
    Path work;

    private HttpServer receiver;
    private final AtomicInteger receiverStatus = new AtomicInteger(503);
    private final AtomicInteger callbacksAccepted = new AtomicInteger();
    private PlatformProcess platform;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/answers", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = receiverStatus.get();
            if (status == 200) {
                callbacksAccepted.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        receiver.stop(0);
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void workInEveryStateCarriesOnAfterKillMinus9AndAfterAnOrderlyStop() throws Exception {
        Path data = work.resolve("data");
        platform = PlatformProcess.start(data, SETTINGS);
        as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "ada", "password", "password-123", "capacity", 1))
                .post(platform.baseUrl() + "/api/admin/agents").then().statusCode(201);
        String answered = submit("my parcel is lost");
        String assigned = submit("my invoice is wrong");
        String queued = submit("my password expired");

        presence("AVAILABLE");
        awaitStatus(answered, "ASSIGNED");
        as("ada", "password-123").contentType(ContentType.JSON).body(Map.of("text", "We found it."))
                .post(platform.baseUrl() + "/api/requests/" + answered + "/reply").then().statusCode(201);
        awaitStatus(assigned, "ASSIGNED");
        // The receiver is down: the answer waits in the outbox, retried.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> request(answered)
                .body("deliveries[0].status", equalTo("PENDING"))
                .body("events.type", hasItem("DELIVERY_ATTEMPT")));

        platform.kill();
        platform = PlatformProcess.start(data, SETTINGS);

        request(assigned).body("status", equalTo("ASSIGNED")).body("assignedTo", equalTo("ada"));
        request(queued).body("status", equalTo("QUEUED"));
        request(answered).body("status", equalTo("ANSWERED"));
        receiverStatus.set(200);
        awaitStatus(answered, "DELIVERED");

        String stopping = platform.stop();
        // An orderly stop finishes its work before the database goes: no connection cut, nothing rolled back.
        assertFalse(stopping.contains(" ERROR "), stopping);
        assertFalse(stopping.contains("terminating connection due to administrator command"), stopping);
        platform = PlatformProcess.start(data, SETTINGS);
        request(assigned).body("status", equalTo("ASSIGNED")).body("assignedTo", equalTo("ada"));
        request(queued).body("status", equalTo("QUEUED"));
        request(answered).body("status", equalTo("DELIVERED"))
                .body("replies.text", equalTo(List.of("We found it.")));
        as("admin", ADMIN_PASSWORD).get(platform.baseUrl() + "/api/requests").then()
                .header("X-Total-Count", "3");
        org.junit.jupiter.api.Assertions.assertEquals(1, callbacksAccepted.get(), "the answer was delivered once");
    }

    private String submit(String text) throws Exception {
        String body = """
                {"from": "crm-customer-%d", "text": "%s", "callbackUrl": "http://127.0.0.1:%d/answers"}"""
                .formatted(System.nanoTime(), text, receiver.getAddress().getPort());
        return given().contentType(ContentType.JSON)
                .header("X-Nohold-Signature", "sha256=" + hmac(body))
                .body(body)
                .post(platform.baseUrl() + "/channels/webhook/requests")
                .then().statusCode(201)
                .extract().path("id");
    }

    private void presence(String status) {
        as("ada", "password-123").contentType(ContentType.JSON).body(Map.of("status", status))
                .put(platform.baseUrl() + "/api/me/presence").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse request(String id) {
        return as("admin", ADMIN_PASSWORD).get(platform.baseUrl() + "/api/requests/" + id).then().statusCode(200);
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> request(id).body("status", equalTo(status)));
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
