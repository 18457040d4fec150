package dev.nohold.channel.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SMTP and IMAP server for the e-mail channel's tests (GreenMail, on free ports): customers' mail is sent to
 * our mailbox over SMTP, the platform reads it over IMAP and answers over SMTP through {@link SmtpFront}, which can
 * refuse a recipient when a test says so. Started once per test run, like the database.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    static final String OUR_ADDRESS = "help@nohold.test";
    static final String PASSWORD = "mailbox-secret";

    private static GreenMail mail;
    private static SmtpFront front;

    @Override
    public synchronized Map<String, String> start() {
        if (mail == null) {
            ServerSetup[] setups = Arrays.stream(ServerSetupTest.SMTP_IMAP).map(ServerSetup::dynamicPort)
                    .toArray(ServerSetup[]::new);
            mail = new GreenMail(setups);
            mail.start();
            mail.setUser(OUR_ADDRESS, OUR_ADDRESS, PASSWORD);
            try {
                front = new SmtpFront(mail.getSmtp().getPort());
            } catch (IOException e) {
                throw new IllegalStateException("The SMTP front could not listen", e);
            }
        }
        return Map.of(
                "nohold.email.address", OUR_ADDRESS,
                "nohold.email.incoming.protocol", "imap",
                "nohold.email.incoming.host", "127.0.0.1",
                "nohold.email.incoming.port", String.valueOf(mail.getImap().getPort()),
                "nohold.email.incoming.username", OUR_ADDRESS,
                "nohold.email.incoming.password", PASSWORD,
                "nohold.email.outgoing.host", "127.0.0.1",
                "nohold.email.outgoing.port", String.valueOf(front.port()),
                "nohold.email.poll-interval", "200ms");
    }

    @Override
    public void stop() {
        // kept for the whole run: every test class shares it
    }

    /** A customer's mail program sends this mail to our mailbox, over SMTP, keeping its own Message-ID. */
    static void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }

    /** A session whose SMTP server is the test's, as customers' mail programs use it. */
    static Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        // The envelope's sender, apart from the From header, so a test may send a mail whose From is missing.
        properties.put("mail.smtp.from", "mailer@example.test");
        return Session.getInstance(properties);
    }

    /** Every mail the server holds addressed to {@code address}, oldest first. */
    static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                var to = message.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    static SmtpFront front() {
        return front;
    }

    static void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        front.clear();
    }
}
