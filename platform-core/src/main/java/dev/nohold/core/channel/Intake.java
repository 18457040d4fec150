package dev.nohold.core.channel;

import dev.nohold.core.request.Lifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Where every channel hands in what a customer sent. The message goes through the {@code intake} route and is
 * stored before this returns, so a channel may acknowledge it to the provider right after.
 *
 * <p>A provider's retry (the same provider message id) answers the first call's receipt instead of making a second
 * request, also when the two arrive at once on two nodes: the database's unique key decides.
 */
@ApplicationScoped
public class Intake {

    private final ProducerTemplate routes;
    private final Lifecycle lifecycle;

    public Intake(ProducerTemplate routes, Lifecycle lifecycle) {
        this.routes = routes;
        this.lifecycle = lifecycle;
    }

    public IntakeReceipt submit(InboundMessage message) {
        Optional<IntakeReceipt> repeat = lifecycle.receiptOfRepeat(message);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        try {
            return routes.requestBody(IntakeRoutes.INTAKE, message, IntakeReceipt.class);
        } catch (CamelExecutionException e) {
            if (isUniqueViolation(e) && message.providerMessageId() != null) {
                return lifecycle.receiptOfRepeat(message).orElseThrow(() -> e);
            }
            throw unwrap(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && "23505".equals(violation.getSQLState())
                    || t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException unwrap(CamelExecutionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
