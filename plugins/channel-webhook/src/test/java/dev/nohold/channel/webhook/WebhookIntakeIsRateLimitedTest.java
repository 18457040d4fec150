package dev.nohold.channel.webhook;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Past {@code nohold.limits.per-address} calls for one {@code from}, or {@code per-client} calls from one client, the
 * channel answers 429 with {@code Retry-After} and the contract's JSON error, and stores nothing more.
 */
@QuarkusTest
@TestProfile(WebhookIntakeIsRateLimitedTest.LowLimits.class)
class WebhookIntakeIsRateLimitedTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A day-long window: the count cannot start afresh in the middle of a test.
            return Map.of("nohold.limits.per-address", "3", "nohold.limits.per-client", "6",
                    "nohold.limits.window", "24h");
        }
    }

    private static final String CALLBACK = "https://crm.example/nohold/answers";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void theFourthCallForOneCustomerIs429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            WebhookCalls.postSigned(WebhookCalls.body("crm-flood", "question " + i, CALLBACK)).then().statusCode(201);
        }
        int stored = WebhookCalls.storedRequests();
        WebhookCalls.postSigned(WebhookCalls.body("crm-flood", "question 3", CALLBACK)).then().statusCode(429)
                .contentType(ContentType.JSON)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(24 * 3600)))
                .body("error", containsString("Too many messages"));
        assertEquals(stored, WebhookCalls.storedRequests());

        WebhookCalls.postSigned(WebhookCalls.body("crm-other", "mine", CALLBACK)).then().statusCode(201);
    }

    @Test
    void theSeventhCallFromOneClientIs429WhateverTheCustomer() {
        for (int i = 0; i < 6; i++) {
            WebhookCalls.postSigned(WebhookCalls.body("crm-" + i, "question", CALLBACK)).then().statusCode(201);
        }
        WebhookCalls.postSigned(WebhookCalls.body("crm-6", "question", CALLBACK)).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0));
        assertEquals(6, WebhookCalls.storedRequests());
    }
}
