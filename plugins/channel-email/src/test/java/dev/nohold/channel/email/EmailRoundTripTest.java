package dev.nohold.channel.email;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A customer's mail answered in its thread, and their reply in that thread joining the conversation. */
@QuarkusTest
class EmailRoundTripTest {

    private static final String ADA = "ada@example.test";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.reset(dataSource);
        MailServer.purge();
    }

    @Test
    void aMailIsAnsweredInItsThreadAndTheCustomersReplyInThatThreadJoinsTheConversation() throws Exception {
        MailServer.send(CustomerMail.from(ADA, "My parcel", "Where is my parcel?\n\n-- \nAda Lovelace\n+44 20 7946",
                "<first@mail.example.test>"));
        Map<String, Object> request = EmailTesting.requestFrom(ADA);
        String id = (String) request.get("id");
        String reference = (String) request.get("reference");
        assertEquals("Where is my parcel?", request.get("text"), "the signature is not part of the request");

        EmailTesting.answer("erin", id, "It arrives tomorrow.");

        MimeMessage answer = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.receivedBy(ADA),
                mails -> !mails.isEmpty()).get(0);
        assertEquals("<first@mail.example.test>", answer.getHeader("In-Reply-To", null));
        assertTrue(answer.getHeader("References", " ").contains("<first@mail.example.test>"));
        assertEquals("Re: My parcel [" + reference + "]", answer.getSubject());
        assertTrue(answer.getFrom()[0].toString().contains(MailServer.OUR_ADDRESS), answer.getFrom()[0].toString());
        assertTrue(String.valueOf(answer.getContent()).contains("It arrives tomorrow."));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED")).body("deliveries[0].status", equalTo("DELIVERED")));

        CustomerMail reply = CustomerMail.from(ADA, "Re: My parcel [" + reference + "]", """
                Thanks, but which day exactly?

                On Wed, 2 Dec 2026 at 09:00, Customer service <help@nohold.test> wrote:
                > It arrives tomorrow.
                """, "<second@mail.example.test>");
        reply.setHeader("In-Reply-To", answer.getMessageID());
        reply.setHeader("References", "<first@mail.example.test> " + answer.getMessageID());
        MailServer.send(reply);

        JsonPath view = await().atMost(Duration.ofSeconds(15)).until(() -> as("admin").get("/api/requests/" + id)
                .then().extract().jsonPath(), found -> found.getList("messages").size() == 3);
        assertEquals(List.of("in", "out", "in"), view.getList("messages.direction"));
        assertEquals("Thanks, but which day exactly?", view.getString("messages[2].text"),
                "the quoted answer is not repeated in the conversation");
        assertEquals(1, EmailTesting.requestsFrom(ADA).size(), "the reply joined the request, it made no new one");
    }

    @Test
    void autoRepliesBouncesListMailAndOurOwnMailNeverBecomeRequests() throws Exception {
        CustomerMail outOfOffice = CustomerMail.from(ADA, "Out of office", "I am away until Monday.",
                "<ooo@mail.example.test>");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MailServer.send(outOfOffice);

        CustomerMail newsletter = CustomerMail.from("news@example.test", "Our news", "Ten tips.",
                "<news@mail.example.test>");
        newsletter.setHeader("Precedence", "bulk");
        MailServer.send(newsletter);

        MailServer.send(EmailTesting.bounce("<bounce@mx.example.test>"));

        MailServer.send(CustomerMail.from(MailServer.OUR_ADDRESS, "Re: Your request", "Our own answer, looped back.",
                "<loop@mail.example.test>"));

        MailServer.send(CustomerMail.from("bob@example.test", "Help", "A real question.", "<real@mail.example.test>"));
        EmailTesting.requestFrom("bob@example.test");

        as("admin").get("/api/requests").then().header("X-Total-Count", "1");
    }

    @Test
    void anHtmlMailBecomesTextAndItsAttachmentIsKept() throws Exception {
        MailServer.send(EmailTesting.htmlWithAttachment(ADA, "<html-mail@mail.example.test>"));

        Map<String, Object> request = EmailTesting.requestFrom(ADA);
        assertEquals("Hello,\nMy invoice is wrong.\nSee the file.", request.get("text"));
        // The core keeps the file with the type it detects from the bytes (it knows audio; a PDF is just bytes).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of("invoice.pdf"
                        + " (application/octet-stream, " + EmailTesting.PDF.length + " bytes) kept as media"), as("admin")
                .get("/api/requests/" + request.get("id")).then().extract().jsonPath()
                .getList("events.findAll { it.type == 'ATTACHMENT' }.detail", String.class).stream()
                .map(detail -> detail.replaceAll(" [^ ]+$", "")).toList()));
    }

    @Test
    void aVoiceMemoAttachedToAMailIsTranscribedByTheCore() throws Exception {
        MailServer.send(EmailTesting.voiceMemo(ADA, "<memo@mail.example.test>"));

        Map<String, Object> request = EmailTesting.requestFrom(ADA);
        assertTrue(request.get("audioUrl") != null, "the memo is the request's recording: " + request);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin")
                .get("/api/requests/" + request.get("id")).then().body("status", equalTo("QUEUED"))
                .body("events.type", org.hamcrest.Matchers.hasItem("TRANSCRIBING")));
    }
}
