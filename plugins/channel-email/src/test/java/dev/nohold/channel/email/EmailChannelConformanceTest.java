package dev.nohold.channel.email;

import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.List;

/** The e-mail channel held to the conformance kit, against a real SMTP and IMAP server. */
@QuarkusTest
class EmailChannelConformanceTest extends ChannelConformanceKit {

    @Override
    protected ChannelDriver driver() {
        return new MailDriver();
    }

    /** Customers' mail programs and our mail server, as the channel meets them. */
    static final class MailDriver implements ChannelDriver {

        @Override
        public String channelId() {
            return EmailChannel.ID;
        }

        @Override
        public String customer(int n) {
            return "customer-" + n + "@example.test";
        }

        @Override
        public void send(String customer, String text, String messageId) throws MessagingException {
            MailServer.send(CustomerMail.from(customer, "A question", text, id(messageId)));
        }

        /** The sender's domain says it did not send this: our server wrote so in Authentication-Results. */
        @Override
        public void sendForged(String customer, String text, String messageId) throws MessagingException {
            CustomerMail mail = CustomerMail.from(customer, "Refund", text, id(messageId));
            mail.setHeader("Authentication-Results", "mx.nohold.test; spf=fail smtp.mailfrom=example.test;"
                    + " dkim=none; dmarc=fail header.from=example.test");
            MailServer.send(mail);
        }

        /** A mail without a From: nobody could be answered. */
        @Override
        public void sendMalformed(String customer, String messageId) throws MessagingException {
            CustomerMail mail = CustomerMail.from(customer, "Hello", "Is anyone there?", id(messageId));
            mail.removeHeader("From");
            MailServer.send(mail);
        }

        @Override
        public List<Delivered> delivered() {
            return MailServer.receivedBy("@example.test").stream().map(MailDriver::delivered).toList();
        }

        @Override
        public String failNextDelivery(ProviderFailure failure) {
            if (failure == ProviderFailure.RETRYABLE) {
                MailServer.front().refuseNext("451 4.2.2 Mailbox full, try again later");
                return "451";
            }
            MailServer.front().refuseNext("550 5.1.1 No such user here");
            return "550 5.1.1 No such user here";
        }

        @Override
        public void reset() throws Exception {
            MailServer.purge();
        }

        private static String id(String messageId) {
            return "<" + messageId + "@mail.example.test>";
        }

        private static Delivered delivered(MimeMessage mail) {
            try {
                return new Delivered(mail.getRecipients(MimeMessage.RecipientType.TO)[0].toString(),
                        String.valueOf(mail.getContent()).strip(), mail.getMessageID());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
