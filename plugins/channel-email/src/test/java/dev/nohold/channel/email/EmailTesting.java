package dev.nohold.channel.email;

import dev.nohold.core.testing.Fixtures;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The mails and steps the e-mail tests share. */
final class EmailTesting {

    /** A small PDF; its second line is binary, as in real PDFs, so it travels base64-encoded and byte for byte. */
    static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    private EmailTesting() {
    }

    static List<Map<String, Object>> requestsFrom(String address) {
        return as("admin").get("/api/requests?channel=email&size=500").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(r -> address.equals(r.get("from"))).toList();
    }

    /** The request the customer's mail made, once the mailbox has been read. */
    static Map<String, Object> requestFrom(String address) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> requestsFrom(address), found -> !found.isEmpty())
                .get(0);
    }

    static void answer(String agent, String requestId, String text) {
        Fixtures.createAgent(agent);
        Fixtures.presence(agent, "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + requestId).then().body("assignedTo", equalTo(agent)));
        as(agent).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/requests/" + requestId + "/reply").then().statusCode(201);
    }

    /** A delivery status notification (RFC 3464) from a mail server that could not deliver something. */
    static MimeMessage bounce(String messageId) throws MessagingException {
        CustomerMail bounce = new CustomerMail(MailServer.session(), messageId);
        bounce.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.test"));
        bounce.setRecipients(MimeMessage.RecipientType.TO, MailServer.OUR_ADDRESS);
        bounce.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("This is the mail system. Your message could not be delivered.");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mx.example.test\r\n\r\nFinal-Recipient: rfc822; gone@example.test\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n", "message/delivery-status");
        report.addBodyPart(status);
        bounce.setContent(report);
        return bounce;
    }

    /** An HTML-only mail, as some webmail sends it, with a PDF attached. */
    static MimeMessage htmlWithAttachment(String from, String messageId) throws MessagingException {
        CustomerMail mail = CustomerMail.from(from, "Invoice", "", messageId);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>Hello,</p><div>My invoice is <b>wrong</b>.<br>See the file.</div>"
                + "<blockquote>Your invoice of November</blockquote></body></html>", "text/html; charset=UTF-8");
        mixed.addBodyPart(html);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName("invoice.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(pdf);
        mail.setContent(mixed);
        return mail;
    }

    /** A mail whose words are in the voice memo attached (a telephone recording from the core's fixtures). */
    static MimeMessage voiceMemo(String from, String messageId) throws MessagingException, IOException {
        CustomerMail mail = CustomerMail.from(from, "Voice memo", "", messageId);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart memo = new MimeBodyPart();
        try (InputStream wav = EmailTesting.class.getResourceAsStream("/speech/ulaw-8000-mono.wav")) {
            memo.setDataHandler(new DataHandler(new ByteArrayDataSource(wav.readAllBytes(), "audio/wav")));
        }
        memo.setFileName("memo.wav");
        memo.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(memo);
        mail.setContent(mixed);
        return mail;
    }
}
