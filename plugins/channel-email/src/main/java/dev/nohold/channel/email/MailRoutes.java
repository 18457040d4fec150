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

    public MailRoutes(EmailConfig config, MailEndpoints endpoints, MailIntake intake) {
        this.config = config;
        this.endpoints = endpoints;
        this.intake = intake;
    }

    @Override
    public void configure() {
        if (config.missing().isPresent()) {
            LOG.infof("The e-mail channel reads no mailbox: %s", config.missing().get());
            return;
        }
        from(endpoints.mailbox())
                .routeId(INTAKE_ROUTE)
                .process(this::take);
    }

    /** A copy of the mail, read whole while the folder is open: the intake may outlive the mailbox connection. */
    private void take(Exchange exchange) throws Exception {
        MimeMessage mail = new MimeMessage((MimeMessage) exchange.getIn(MailMessage.class).getMessage());
        intake.take(mail);
    }
}
