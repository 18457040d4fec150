package dev.nohold.core.flow;

import dev.nohold.core.channel.Intake;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every turn is committed: a conversation begun on one node is taken up by another that knows only the database
 * (here a second, freshly built conversation service and catalog), and its handoff makes a request carrying what
 * the flow collected and its transcript.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowConversationResumesOnAnotherNodeTest extends FlowTestBase {

    private static final String CUSTOMER = "+15550001111";

    @Inject
    FlowConversations conversations;
    @Inject
    EntityManager entityManager;
    @Inject
    Intake intake;
    @Inject
    Lifecycle lifecycle;
    @Inject
    dev.nohold.core.channel.ChannelRequests requests;
    @Inject
    Instance<dev.nohold.core.knowledge.KnowledgeBase> knowledge;

    @Test
    void anotherNodeTakesUpTheConversationWhereTheFirstLeftIt() {
        FlowReply opened = conversations.receive("sms", CUSTOMER, "account-line", "hello").orElseThrow();
        assertTrue(opened.waiting());
        assertTrue(opened.reply().text().contains("1 Billing"), opened.reply().text());
        FlowReply billing = conversations.receive("sms", CUSTOMER, "account-line", "billing").orElseThrow();
        assertEquals("What is your account number? It has six digits.", billing.reply().text());

        FlowConversations otherNode = anotherNode();
        FlowReply handed = QuarkusTransaction.requiringNew().call(
                () -> otherNode.receive("sms", CUSTOMER, "account-line", "123456").orElseThrow());

        assertEquals(Outcome.HANDOFF, handed.outcome());
        assertEquals("123456", handed.collected().get("account"));
        assertEquals(opened.conversationId(), handed.conversationId());
        assertNotNull(handed.reference());
        Fixtures.as("sam").get("/api/requests/" + handed.requestId()).then().statusCode(200)
                .body("reference", equalTo(handed.reference()))
                .body("channel", equalTo("sms"))
                .body("text", containsString("123456"))
                .body("events.type", hasItem("FLOW"))
                .body("events.find { it.type == 'FLOW' }.detail", containsString("bot: What is it about?"))
                .body("events.find { it.type == 'FLOW' }.detail", containsString("account: 123456"));
        assertEquals("123456", QuarkusTransaction.requiringNew().call(() ->
                dev.nohold.core.request.Request.<dev.nohold.core.request.Request>findById(handed.requestId())
                        .attributes.get("account")));
    }

    @Test
    void theNextMessageJoinsTheHandedOffRequestAndStartsAfreshOnceItIsClosed() {
        conversations.receive("sms", CUSTOMER, "account-line", "hi");
        conversations.receive("sms", CUSTOMER, "account-line", "1");
        FlowReply handed = conversations.receive("sms", CUSTOMER, "account-line", "123456").orElseThrow();
        assertFalse(conversations.openOf("sms", CUSTOMER).isPresent());

        assertTrue(conversations.receive("sms", CUSTOMER, "account-line", "any news?").isEmpty());

        QuarkusTransaction.requiringNew().run(() -> requests.cancel(handed.requestId(), "the customer withdrew it"));
        FlowReply again = conversations.receive("sms", CUSTOMER, "account-line", "hi again").orElseThrow();
        assertTrue(again.waiting());
        assertNull(again.requestId());
    }

    @Test
    void aFollowUpToAnAgentsAnswerGoesToThatRequestNotToTheBot() {
        conversations.receive("sms", CUSTOMER, "account-line", "hi");
        conversations.receive("sms", CUSTOMER, "account-line", "1");
        FlowReply handed = conversations.receive("sms", CUSTOMER, "account-line", "123456").orElseThrow();
        Fixtures.createAgent("ada", 1, java.util.List.of("billing"));
        Fixtures.presence("ada", "AVAILABLE");
        String id = handed.requestId().toString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                Fixtures.as("ada").get("/api/me/requests").then().body("id", hasItem(id)));
        Fixtures.as("ada").contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("text", "Your invoice is corrected.")).post("/api/requests/" + id + "/reply")
                .then().statusCode(201);

        assertTrue(conversations.receive("sms", CUSTOMER, "account-line", "Thanks, but it still shows the old sum")
                .isEmpty(), "the follow-up is left to the channel, which reopens the answered request");
    }

    @Test
    void noActiveFlowLeavesTheMessageToTheChannel() {
        Fixtures.as("admin").post("/api/flows/answers/deactivate").then().statusCode(200);

        assertTrue(conversations.receive("sms", CUSTOMER, null, "hello").isEmpty());
        assertTrue(conversations.receive("sms", CUSTOMER, "account-line", "hello").isPresent());
    }

    private FlowConversations anotherNode() {
        Clock time = clock;
        FlowWorlds worlds = new FlowWorlds(knowledge, entityManager, time);
        FlowCatalog freshCatalog = new FlowCatalog(entityManager, new FlowSimulator(worlds), time);
        return new FlowConversations(freshCatalog, requests, worlds, intake, lifecycle, entityManager, time);
    }
}
