package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A customer who goes quiet is reminded once after the flow's quiet time; quiet as long again, the conversation ends
 * as abandoned at its step (account-line) or becomes a request (answers), as each flow says. Supervisors see where
 * people stopped.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowRemindsAQuietCustomerOnceTest extends FlowTestBase {

    @Inject
    FlowConversations conversations;
    @Inject
    QuietCustomers quiet;

    @Test
    void aQuietCustomerIsRemindedThenTheConversationEndsAbandonedAtItsStep() {
        conversations.receive("sms", "+15550002222", "account-line", "hi");
        conversations.receive("sms", "+15550002222", "account-line", "billing");

        clock.advance(Duration.ofMinutes(9));
        quiet.act(clock.instant());
        assertNull(open("+15550002222").remindedAt());

        clock.advance(Duration.ofMinutes(2));
        quiet.act(clock.instant());
        assertNotNull(open("+15550002222").remindedAt());
        assertEquals(Outcome.WAITING, open("+15550002222").outcome());

        clock.advance(Duration.ofMinutes(11));
        quiet.act(clock.instant());
        await().until(() -> conversations.openOf("sms", "+15550002222").isEmpty());

        Fixtures.as("sam").get("/api/flows/account-line/figures").then().statusCode(200)
                .body("outcomes.abandoned", equalTo(1))
                .body("abandonedAt.account", equalTo(1));
    }

    @Test
    void aCustomerWhoAnswersAfterTheReminderCarriesOn() {
        conversations.receive("sms", "+15550003333", "account-line", "hi");
        clock.advance(Duration.ofMinutes(11));
        quiet.act(clock.instant());
        assertNotNull(open("+15550003333").remindedAt());

        conversations.receive("sms", "+15550003333", "account-line", "billing");
        clock.advance(Duration.ofMinutes(11));
        quiet.act(clock.instant());

        assertNotNull(open("+15550003333").remindedAt());
        assertEquals("account", open("+15550003333").step());
    }

    @Test
    void aFlowThatSaysRequestTurnsTheQuietConversationIntoARequest() {
        conversations.receive("sms", "+15550004444", null, null);
        conversations.receive("sms", "+15550004444", null, "My parcel is lost and");

        clock.advance(Duration.ofMinutes(11));
        quiet.act(clock.instant());
        clock.advance(Duration.ofMinutes(11));
        quiet.act(clock.instant());

        await().until(() -> conversations.openOf("sms", "+15550004444").isEmpty());
        Fixtures.as("sam").get("/api/requests?channel=sms").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].text", equalTo("My parcel is lost and"))
                .body("[0].status", equalTo("QUEUED"));
        Fixtures.as("sam").get("/api/flows/answers/figures").then()
                .body("outcomes.handoff", equalTo(1));
    }

    private FlowConversations.ConversationView open(String address) {
        return conversations.openOf("sms", address).orElseThrow();
    }
}
