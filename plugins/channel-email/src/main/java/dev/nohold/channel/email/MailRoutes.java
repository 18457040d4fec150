package dev.nohold.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.jboss.logging.Logger;

/**
 * The mailbox poll: every mail customers sent becomes a request through {@link MailIntake}. Without its
 * configuration the channel reads nothing and says why once, instead of failing the platform's start.
 */
@ApplicationScoped
public class MailRoutes extends RouteBuilder {

    static final String INTAKE_ROUTE = "email-intake";
    private static final Logger LOG = Logger.getLogger(MailRoutes.class);

    private final EmailConfig config;
    private final MailEndpoints endpoints;
    private final MailIntake intake;
    private final EmailChannel channel;

    public MailRoutes(EmailConfig config, MailEndpoints endpoints, MailIntake intake, EmailChannel channel) {
        this.config = config;
        this.endpoints = endpoints;
        this.intake = intake;
        this.channel = channel;
    }

    @Override
    public void configure() {
        if (config.missing().isPresent()) {
            LOG.infof("The e-mail channel reads no mailbox: %s", config.missing().get());
            return;
        }
        // A poll that fails (the server down, the login refused) reaches this route as an error, so the channel
        // can say so; every poll, with mail or without, tells that the mailbox works again. A mail that could not be
        // taken in (the database away) is not handled here: it fails, stays unseen, and is read again next poll.
        onException(Exception.class).onWhen(exchange -> !(exchange.getIn() instanceof MailMessage)).handled(true)
                .process(exchange -> failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
        from(endpoints.mailbox())
                .routeId(INTAKE_ROUTE)
                .process(this::take);
    }

    private void failed(Exception e) {
        String reason = "The mailbox could not be read: " + (e == null ? "unknown error" : describe(e));
        LOG.warn(reason);
        channel.mailbox(reason);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }

    /** A copy of the mail, read whole while the folder is open: the intake may outlive the mailbox connection. */
    private void take(Exchange exchange) throws Exception {
        channel.mailbox(null);
        if (!(exchange.getIn() instanceof MailMessage polled) || polled.getMessage() == null) {
            return;
        }
        MimeMessage mail = new MimeMessage((MimeMessage) polled.getMessage());
        try {
            intake.take(mail);
        } catch (RuntimeException e) {
            channel.mailbox("A mail could not be taken in; it is read again at the next poll: " + describe(e));
            throw e;
        }
    }
}
