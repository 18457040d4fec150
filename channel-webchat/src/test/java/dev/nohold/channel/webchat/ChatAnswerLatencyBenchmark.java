package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/**
 * How long an agent's answer takes to reach an open chat: from the start of the agent's reply call to the answer's
 * frame arriving on the customer's socket (the reply's commit, the outbox's delivery, the chat's store and signal,
 * PostgreSQL's notification, the push). Not part of the suite: {@code ./mvnw -q -pl channel-webchat -am test
 * -Dtest=ChatAnswerLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; prints p50 and p99.
 */
@QuarkusTest
class ChatAnswerLatencyBenchmark {

    private static final int WARM_UP = 5;
    private static final int SAMPLES = 40;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @Test
    void answerToScreen() throws Exception {
        ChatTests.reset(dataSource, limits);
        Fixtures.createAgent("alice", WARM_UP + SAMPLES, List.of());
        List<ChatClient> customers = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            ChatClient customer = ChatClient.open(base, null, 0);
            customer.say("m-1", "Question " + i);
            customer.awaitMessage("notice", "is taken");
            customers.add(customer);
            requests.add(ChatTests.newestChatRequest());
            limits.forget();
        }
        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("alice").get("/api/me/requests").jsonPath()
                .getList("id").size() == WARM_UP + SAMPLES);

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            ChatClient customer = customers.get(i);
            long start = System.nanoTime();
            as("alice").contentType(ContentType.JSON).body(Map.of("text", "Answer " + i))
                    .post("/api/requests/" + requests.get(i) + "/reply").then().statusCode(201);
            JsonNode answer = customer.awaitMessage("agent", "Answer " + i);
            long arrived = customer.arrivals.get(customer.frames.indexOf(answer));
            if (i >= WARM_UP) {
                millis.add((arrived - start) / 1e6);
            }
        }
        customers.forEach(ChatClient::close);
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("Chat answer to screen, %d samples: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.getLast());
    }
}
