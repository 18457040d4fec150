package dev.nohold.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A customer's mail as their mail program builds it, with the Message-ID it chose kept through sending. */
final class CustomerMail extends MimeMessage {

    private final String messageId;

    CustomerMail(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    static CustomerMail from(String customer, String subject, String text, String messageId) throws MessagingException {
        CustomerMail mail = new CustomerMail(MailServer.session(), messageId);
        mail.setFrom(new InternetAddress(customer));
        mail.setRecipients(RecipientType.TO, MailServer.OUR_ADDRESS);
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        return mail;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
