package dev.nohold.channel.sms;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class SmsAcknowledgementEstimatesTheWaitTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void withAnAgentFreeTheTexterIsToldItWillBeTakenInAMoment() {
        Fixtures.createAgent("ivy");
        Fixtures.presence("ivy", "AVAILABLE");

        SignedWebhooks.text("SM5000000000000000000000000000001", "Can I change my delivery address?")
                .then().statusCode(200)
                .body(containsString("You are next; an agent will take it in a moment."));
    }

    @Test
    void withAgentsBusyTheExpectedWaitFollowsTheirPaceOverTheLastHour() {
        String first = SmsTesting.idOf(SmsTesting.reference(
                SignedWebhooks.text("SM5000000000000000000000000000011", "+15551230011", "First question")));
        SmsTesting.assignTo("jack", first);

        // One assignment in the last hour: each place in line is worth about an hour.
        SignedWebhooks.text("SM5000000000000000000000000000012", "+15551230012", "Second question")
                .then().body(containsString("You are number 1 in line; expected wait about 60 min."));
        SignedWebhooks.text("SM5000000000000000000000000000013", "+15551230013", "Third question")
                .then().body(containsString("You are number 2 in line; expected wait about 120 min."));
        SignedWebhooks.text("SM5000000000000000000000000000014", "+15551230012", "STATUS")
                .then().body(containsString("You are number 1 in line; expected wait about 60 min."));
    }
}
