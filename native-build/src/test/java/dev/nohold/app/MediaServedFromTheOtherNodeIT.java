package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Media on every node: two packaged platforms, each with its own data directory, on one external PostgreSQL. A
 * voice reply posted through node 1 is served by node 2, byte for byte and in ranges, with its detected type.
 */
class MediaServedFromTheOtherNodeIT {

    private static final String SECRET = "media-secret";
    private static final String ADMIN_PASSWORD = "media-admin";

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
    void aVoiceReplyPostedThroughOneNodeIsServedByTheOther() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("external-db"));
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", ADMIN_PASSWORD,
                "nohold.webhook.secret", SECRET,
                "nohold.dispatch.poll-interval", "500ms");
        first = PlatformProcess.start(work.resolve("node-1"), settings);
        second = PlatformProcess.start(work.resolve("node-2"), settings);

        as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "grace", "password", "password-123"))
                .post(first.baseUrl() + "/api/admin/agents").then().statusCode(201);
        as("grace", "password-123").contentType(ContentType.JSON).body(Map.of("status", "AVAILABLE"))
                .put(first.baseUrl() + "/api/me/presence").then().statusCode(200);
        String id = submit(first);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as("grace", "password-123").get(first.baseUrl() + "/api/me/requests").then()
                        .body("[0].id", equalTo(id)));

        byte[] voice = wav(64 * 1024);
        String audioUrl = as("grace", "password-123").multiPart("audio", "reply.html", voice, "text/html")
                .post(first.baseUrl() + "/api/requests/" + id + "/reply")
                .then().statusCode(201)
                .extract().path("replies[0].audioUrl");

        Response whole = as("grace", "password-123").get(second.baseUrl() + audioUrl);
        whole.then().statusCode(200)
                .contentType("audio/wav")
                .header("X-Content-Type-Options", "nosniff")
                .header("Accept-Ranges", "bytes");
        assertArrayEquals(voice, whole.asByteArray());
        Response range = as("grace", "password-123").header("Range", "bytes=1000-1999").get(second.baseUrl() + audioUrl);
        range.then().statusCode(206).header("Content-Range", "bytes 1000-1999/" + voice.length);
        assertArrayEquals(Arrays.copyOfRange(voice, 1000, 2000), range.asByteArray());
        assertFalse(Files.exists(work.resolve("node-1").resolve("media")), "node 1 kept no media of its own");
    }

    private static byte[] wav(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static String submit(PlatformProcess node) throws Exception {
        String body = """
                {"from": "crm-%d", "text": "please send a voice answer", "callbackUrl": "http://127.0.0.1:9/answers"}"""
                .formatted(System.nanoTime());
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
