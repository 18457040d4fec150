package dev.nohold.core.flow;

import com.sun.net.httpserver.HttpServer;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A flow's call step POSTs the collected values to the customer's own system, signed with HMAC-SHA256, and collects
 * what it answers; a system that answers too late or fails sends the conversation the flow's other way.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowCallsTheCustomersSystemsSignedTest extends FlowTestBase {

    private static final String SECRET = "crm-secret";

    private HttpServer crm;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> signature = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/customers", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            body.set(new String(received, StandardCharsets.UTF_8));
            signature.set(exchange.getRequestHeaders().getFirst("X-Nohold-Signature"));
            byte[] answer = "{\"tier\":\"gold\",\"open\":3,\"nested\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        crm.createContext("/slow", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        crm.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        crm.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        crm.stop(0);
    }

    @Test
    void theCallIsSignedAndItsAnswerCollected() {
        upload("/customers", "2s");

        simulate().body("outcome", equalTo("handoff"))
                .body("collected.'crm.tier'", equalTo("gold"))
                .body("collected.'crm.open'", equalTo("3"))
                .body("steps[1].output", equalTo("Gold line: a colleague is with you shortly."));

        assertEquals("{\"account\":\"123456\"}", body.get());
        assertEquals("sha256=" + FlowWorlds.sign(SECRET, body.get().getBytes(StandardCharsets.UTF_8)),
                signature.get());
    }

    @Test
    void aSystemThatAnswersTooLateSendsTheFlowItsOtherWay() {
        upload("/slow", "1s");

        simulate().body("outcome", equalTo("handoff"))
                .body("steps[1].output", equalTo("A colleague is with you shortly."))
                .body("notes", hasItem(startsWith("Step 'crm' could not reach http://127.0.0.1:")));
    }

    private void upload(String path, String timeout) {
        String yaml = """
                id: crm-lookup
                name: CRM lookup
                entry-points:
                  - channel: "*"
                    entry: crm
                steps:
                  - id: account
                    ask: Your account number?
                    kind: number
                  - id: crm
                    call:
                      url: http://127.0.0.1:%d%s
                      secret: %s
                      timeout: %s
                      send: [account]
                    otherwise: agent
                  - id: tier
                    branch:
                      - if: {collected: {crm.tier: gold}}
                        goto: gold
                      - else: agent
                  - id: gold
                    handoff: "Gold line: a colleague is with you shortly."
                  - id: agent
                    handoff: A colleague is with you shortly.
                """.formatted(crm.getAddress().getPort(), path, SECRET, timeout);
        Fixtures.as("admin").contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .put("/api/flows/crm-lookup").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse simulate() {
        return Fixtures.as("sam").contentType(ContentType.JSON)
                .body(Map.of("channel", "sms", "inputs", List.of("123456")))
                .post("/api/flows/crm-lookup/simulate").then().statusCode(200);
    }
}
