package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default flow answers at once what the knowledge base answers above the flow's threshold and asks whether it
 * helped: yes ends the conversation self-served, no hands it to people with the attempt on the request's timeline;
 * an unsure match is never sent.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowAnswersFromTheKnowledgeBaseTest extends FlowTestBase {

    private static final String REFUND = "Refunds reach your card within 5 working days.";

    @Inject
    FlowConversations conversations;
    @Inject
    ScriptedKnowledge knowledge;

    @BeforeEach
    void clean() {
        knowledge.forget();
    }

    @Test
    void aConfidentAnswerThatHelpedEndsSelfServed() {
        knowledge.answer("refund", REFUND, 0.9);

        FlowReply answered = conversations.receive("sms", "+15550005555", null, "when do I get my refund?")
                .orElseThrow();
        assertEquals(REFUND + "\nDid that answer your question? Reply YES or NO.", answered.reply().text());
        assertTrue(answered.waiting());

        FlowReply done = conversations.receive("sms", "+15550005555", null, "yes").orElseThrow();
        assertEquals(Outcome.SELF_SERVED, done.outcome());
        assertEquals("Glad we could help. Goodbye!", done.reply().text());
        assertNull(done.requestId());
        Fixtures.as("sam").get("/api/flows/answers/figures").then().body("outcomes.self-served", equalTo(1));
    }

    @Test
    void anAnswerThatDidNotHelpGoesToPeopleWithTheAttemptNoted() {
        knowledge.answer("refund", REFUND, 0.9);
        conversations.receive("webchat", "browser-1", null, "refund please");

        FlowReply handed = conversations.receive("webchat", "browser-1", null, "no").orElseThrow();

        assertEquals(Outcome.HANDOFF, handed.outcome());
        assertEquals("did not help", handed.collected().get("automatic-answer"));
        Fixtures.as("sam").get("/api/requests/" + handed.requestId()).then().statusCode(200)
                .body("text", containsString("refund please"))
                .body("events.detail", hasItem("The automatic answer did not help: How do I refund?"));
    }

    @Test
    void anUnsureMatchIsNotSentAndThePersonIsHandedOn() {
        knowledge.answer("refund", REFUND, 0.59);

        FlowReply handed = conversations.receive("email", "ann@example.com", null, "refund?").orElseThrow();

        assertEquals(Outcome.HANDOFF, handed.outcome());
        assertEquals("Thank you. We are passing you to our team.", handed.reply().text());
    }

    @Test
    void aCallThatOpensWithoutWordsIsAskedItsQuestionFirst() {
        knowledge.answer("refund", REFUND, 0.9);

        FlowReply opened = conversations.receive("voice", "+15550006666", "+15550100", null).orElseThrow();
        assertEquals("Hello! What can we help you with?", opened.reply().voice().say());
        assertTrue(opened.reply().voice().gather());

        FlowReply answered = conversations.receive("voice", "+15550006666", "+15550100", "I want a refund")
                .orElseThrow();
        assertEquals(REFUND + " Did that answer your question? Press 1 or say yes; press 2 or say no.",
                answered.reply().voice().say());
        FlowReply done = conversations.receive("voice", "+15550006666", "+15550100", "1").orElseThrow();
        assertEquals(Outcome.SELF_SERVED, done.outcome());
        assertTrue(!done.reply().voice().gather());
    }
}
