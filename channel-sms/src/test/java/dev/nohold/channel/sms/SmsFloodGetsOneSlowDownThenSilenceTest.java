package dev.nohold.channel.sms;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.nohold.core.testing.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A number texting past {@code nohold.limits.per-address} (3 per window here) gets 200 with one "slow down" and then
 * empty TwiML (Twilio takes no 429), nothing of it stored; while it floods, other numbers' texts are taken promptly.
 */
@QuarkusTest
@TestProfile(SmsFloodGetsOneSlowDownThenSilenceTest.LowLimit.class)
class SmsFloodGetsOneSlowDownThenSilenceTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A day-long window: the count cannot start afresh in the middle of a test.
            return Map.of("nohold.limits.per-address", "3", "nohold.limits.window", "24h");
        }
    }

    private static final String FLOODER = "+15557770001";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void theFourthTextIsToldToSlowDownOnceAndLaterOnesGetSilence() {
        for (int i = 1; i <= 3; i++) {
            SignedWebhooks.text("SM40000000000000000000000000000" + i + "0", FLOODER, "question " + i)
                    .then().statusCode(200).body(containsString("request"));
        }
        SignedWebhooks.text("SM4000000000000000000000000000040", FLOODER, "question 4")
                .then().statusCode(200).header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("You are texting faster than we can take it in."));
        for (int i = 5; i <= 8; i++) {
            SignedWebhooks.text("SM40000000000000000000000000000" + i + "0", FLOODER, "question " + i)
                    .then().statusCode(200).header("Retry-After", Integer::parseInt, greaterThan(0))
                    .body(not(containsString("<Message>")));
        }

        String id = as("admin").get("/api/requests?channel=sms").then().body("", hasSize(1))
                .extract().path("[0].id");
        as("admin").get("/api/requests/" + id).then().body("messages", hasSize(3))
                .body("messages.text", not(hasItem("question 4")));
    }

    @Test
    void otherNumbersAreTakenPromptlyWhileOneFloods() throws Exception {
        AtomicInteger sid = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(6);
        List<Future<?>> flooders = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            flooders.add(flood.submit(() -> {
                for (int n = 0; n < 25; n++) {
                    SignedWebhooks.text(String.format("SM5%031d", sid.incrementAndGet()), FLOODER, "again")
                            .then().statusCode(200);
                }
            }));
        }
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                Response answer = SignedWebhooks.text(String.format("SM6%031d", i), "+1555888000" + i, "my parcel");
                millis.add((System.nanoTime() - start) / 1_000_000);
                answer.then().statusCode(200).body(containsString("We have your request"));
            }
            for (Future<?> f : flooders) {
                f.get();
            }
            long median = millis.stream().sorted().toList().get(millis.size() / 2);
            // Generous for two shared cores; texts queued behind the flood would wait for most of its 150 texts.
            assertTrue(median < 1_000, "another number's text took " + median + " ms (median) beside the flood");
            as("admin").get("/api/requests?channel=sms&size=500").then().body("", hasSize(9));
        } finally {
            flood.shutdownNow();
        }
    }
}
