package dev.nohold.channel.email;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default flow on e-mail, with a single reply per turn: a question the knowledge base answers is answered at once
 * in the customer's thread, "yes" ends it self-served with no request; a question it cannot answer goes to people as
 * one request, which the agent answers in the customer's thread as any other. And the same "account-line" flow the
 * other channels run, by mail.
 */
@QuarkusTest
class EmailConversationFlowTest {

    private static final String GRACE = "grace@example.test";
    private static final String REFUND = "Refunds reach your card within 5 working days.";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.reset(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("truncate flow_conversation");
        }
        MailServer.purge();
        as("admin").contentType(ContentType.JSON).body(Map.of("question", "How do I get a refund?", "answer", REFUND,
                        "alternatives", List.of("When will I get my refund?", "Can I get my money back?")))
                .post("/api/knowledge").then().statusCode(201);
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersIsAnsweredByReplyAndYesEndsItSelfServedWithoutARequest() throws Exception {
        MailServer.send(CustomerMail.from(GRACE, "Refund", "When will I get my refund?",
                "<question@mail.example.test>"));

        MimeMessage answer = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(GRACE),
                mails -> !mails.isEmpty()).get(0);
        assertEquals("Re: Refund", answer.getSubject());
        assertEquals("<question@mail.example.test>", answer.getHeader("In-Reply-To", null));
        assertTrue(answer.getFrom()[0].toString().contains(MailServer.OUR_ADDRESS), answer.getFrom()[0].toString());
        String body = String.valueOf(answer.getContent());
        assertTrue(body.contains(REFUND), body);
        assertTrue(body.contains("Did that answer your question? Reply to this e-mail with yes or no."), body);
        assertTrue(EmailTesting.requestsFrom(GRACE).isEmpty(), "an answered question makes no request");

        CustomerMail yes = CustomerMail.from(GRACE, "Re: Refund", """
                Yes

                On Wed, 2 Dec 2026 at 09:00, Customer service <help@nohold.test> wrote:
                > Refunds reach your card within 5 working days.
                > Did that answer your question? Reply to this e-mail with yes or no.
                """, "<yes@mail.example.test>");
        yes.setHeader("In-Reply-To", answer.getMessageID());
        yes.setHeader("References", "<question@mail.example.test> " + answer.getMessageID());
        MailServer.send(yes);

        MimeMessage goodbye = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(GRACE),
                mails -> mails.size() == 2).get(1);
        assertEquals("<yes@mail.example.test>", goodbye.getHeader("In-Reply-To", null));
        assertTrue(goodbye.getHeader("References", " ").contains("<question@mail.example.test>"));
        assertEquals("Re: Refund", goodbye.getSubject());
        assertTrue(String.valueOf(goodbye.getContent()).contains("Glad we could help. Goodbye!"));
        assertTrue(EmailTesting.requestsFrom(GRACE).isEmpty(), "a self-served question makes no request");
        Fixtures.createAgent("sam", "supervisor");
        as("sam").get("/api/flows/answers/figures").then().statusCode(200).body("outcomes.self-served", equalTo(1));
    }

    @Test
    void aQuestionTheKnowledgeBaseCannotAnswerBecomesOneRequestAnsweredInTheCustomersThread() throws Exception {
        MailServer.send(CustomerMail.from(GRACE, "My parcel", "The courier left my parcel at the wrong house.",
                "<parcel@mail.example.test>"));

        Map<String, Object> request = EmailTesting.requestFrom(GRACE);
        String id = (String) request.get("id");
        String reference = (String) request.get("reference");
        assertEquals("The courier left my parcel at the wrong house.", request.get("text"));
        as("admin").get("/api/requests/" + id).then().body("events.type", hasItem("FLOW"));

        EmailTesting.answer("erin", id, "We will fetch it today.");

        MimeMessage answer = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(GRACE),
                mails -> !mails.isEmpty()).get(0);
        assertEquals(1, MailServer.receivedBy(GRACE).size(), "the handoff is acknowledged as today: no bot mail");
        assertEquals("<parcel@mail.example.test>", answer.getHeader("In-Reply-To", null));
        assertEquals("Re: My parcel [" + reference + "]", answer.getSubject());
        assertTrue(String.valueOf(answer.getContent()).contains("We will fetch it today."));
        assertEquals(1, EmailTesting.requestsFrom(GRACE).size(), "one request, made by the handoff");
    }

    @Test
    void anAnswerThatDidNotHelpGoesToPeopleAndTheAgentAnswersTheCustomersLastMail() throws Exception {
        MailServer.send(CustomerMail.from(GRACE, "Refund", "When will I get my refund?",
                "<question@mail.example.test>"));
        MimeMessage botAnswer = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(GRACE),
                mails -> !mails.isEmpty()).get(0);

        CustomerMail no = CustomerMail.from(GRACE, "Re: Refund", """
                no

                On Wed, 2 Dec 2026 at 09:00, Customer service <help@nohold.test> wrote:
                > Refunds reach your card within 5 working days.
                """, "<no@mail.example.test>");
        no.setHeader("In-Reply-To", botAnswer.getMessageID());
        no.setHeader("References", "<question@mail.example.test> " + botAnswer.getMessageID());
        MailServer.send(no);

        Map<String, Object> request = EmailTesting.requestFrom(GRACE);
        String id = (String) request.get("id");
        assertEquals("When will I get my refund?\nno", request.get("text"), "what the customer told the bot");
        as("admin").get("/api/requests/" + id).then().body("events.type", hasItem("FLOW"));

        EmailTesting.answer("erin", id, "Your refund left us yesterday.");

        MimeMessage answer = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(GRACE),
                mails -> mails.size() == 2).get(1);
        assertEquals("<no@mail.example.test>", answer.getHeader("In-Reply-To", null));
        assertTrue(answer.getHeader("References", " ").contains("<question@mail.example.test>"));
        assertEquals("Re: Refund [" + request.get("reference") + "]", answer.getSubject());
        assertTrue(String.valueOf(answer.getContent()).contains("Your refund left us yesterday."));
        assertEquals(1, EmailTesting.requestsFrom(GRACE).size());
    }

    /**
     * The shipped "account-line" flow, assigned to our mailbox by one more entry point in its file: one reply a turn,
     * the menu as a list, the account number asked again, and the request with the values every channel collects.
     */
    @Test
    void theAccountLineFlowRunsByMailWhenItsFileNamesOurAddress() throws Exception {
        String original;
        try (var in = getClass().getResourceAsStream("/flows/account-line.yaml")) {
            original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String withMail = original.replace("entry-points:\n", "entry-points:\n  - channel: email\n    entry: "
                + MailServer.OUR_ADDRESS + "\n");
        as("admin").contentType("text/plain").body(withMail).put("/api/flows/account-line").then().statusCode(200);
        try {
            String[] turns = {"hello", "billing", "12ab", "123456"};
            String[] replies = {"Reply to this e-mail with one of:\n- Billing", "What is your account number?",
                    "An account number has exactly six digits"};
            for (int turn = 0; turn < turns.length; turn++) {
                MailServer.send(CustomerMail.from(GRACE, "Account", turns[turn],
                        "<turn-" + turn + "@mail.example.test>"));
                if (turn < replies.length) {
                    int expected = turn + 1;
                    MimeMessage reply = await().atMost(Duration.ofSeconds(15))
                            .until(() -> MailServer.receivedBy(GRACE), mails -> mails.size() == expected).get(turn);
                    String body = String.valueOf(reply.getContent()).replace("\r\n", "\n");
                    assertTrue(body.contains(replies[turn]), body);
                }
            }

            Map<String, Object> request = EmailTesting.requestFrom(GRACE);
            as("admin").get("/api/requests/" + request.get("id")).then()
                    .body("attributes.account", equalTo("123456"))
                    .body("attributes.skill", equalTo("billing"))
                    .body("attributes.flow", org.hamcrest.Matchers.startsWith("account-line@"));
        } finally {
            as("admin").contentType("text/plain").body(original).put("/api/flows/account-line").then().statusCode(200);
        }
    }
}
