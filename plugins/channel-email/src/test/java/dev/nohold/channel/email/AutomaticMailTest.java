package dev.nohold.channel.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutomaticMailTest {

    private static final String OURS = "help@nohold.test";

    @Test
    void autoSubmittedOtherThanNoIsAutomatic() throws Exception {
        assertTrue(AutomaticMail.reason(mail("Auto-Submitted", "auto-replied"), "ada@example.test", OURS)
                .orElseThrow().contains("Auto-Submitted"));
        assertTrue(AutomaticMail.reason(mail("Auto-Submitted", "auto-generated"), "ada@example.test", OURS)
                .isPresent());
        assertTrue(AutomaticMail.reason(mail("Auto-Submitted", "no"), "ada@example.test", OURS).isEmpty());
    }

    @Test
    void bulkListAndAutoReplyPrecedenceAreAutomatic() throws Exception {
        for (String precedence : new String[] {"bulk", "auto_reply", "list", "junk"}) {
            assertTrue(AutomaticMail.reason(mail("Precedence", precedence), "ada@example.test", OURS).isPresent(),
                    precedence);
        }
    }

    @Test
    void bouncesAndOurOwnMailAreAutomatic() throws Exception {
        MimeMessage plain = mail("X-Nothing", "1");
        assertTrue(AutomaticMail.reason(plain, "MAILER-DAEMON@mx.example.test", OURS).isPresent());
        assertTrue(AutomaticMail.reason(plain, "postmaster@example.test", OURS).isPresent());
        assertEquals("mail from our own address", AutomaticMail.reason(plain, OURS, OURS).orElseThrow());
        assertTrue(AutomaticMail.reason(mail("Return-Path", "<>"), "ada@example.test", OURS).isPresent());
    }

    @Test
    void aPersonsMailIsNotAutomatic() throws Exception {
        assertTrue(AutomaticMail.reason(mail("Precedence", "first-class"), "ada@example.test", OURS).isEmpty());
    }

    @Test
    void aFailedDmarcOrAnSpfFailWithoutDkimIsAForgery() throws Exception {
        assertTrue(AutomaticMail.forgery(mail("Authentication-Results", "mx; spf=pass; dkim=fail; dmarc=fail"))
                .isPresent());
        assertTrue(AutomaticMail.forgery(mail("Authentication-Results", "mx; spf=fail; dkim=none")).isPresent());
        assertTrue(AutomaticMail.forgery(mail("Authentication-Results", "mx; spf=fail; dkim=pass")).isEmpty());
        assertTrue(AutomaticMail.forgery(mail("Authentication-Results", "mx; spf=pass; dkim=pass; dmarc=pass"))
                .isEmpty());
    }

    private static MimeMessage mail(String header, String value) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setHeader(header, value);
        mail.setText("Hello");
        mail.saveChanges();
        return mail;
    }
}
