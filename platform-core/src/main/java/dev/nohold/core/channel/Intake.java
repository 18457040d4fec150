package dev.nohold.core.channel;

import dev.nohold.core.Refusal;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.request.Message;
import dev.nohold.core.request.Request;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every channel hands in what a customer sent. The message is checked, goes through the {@code intake} route
 * and is stored before this returns, so a channel may acknowledge it to the provider right after. A text from a
 * customer whose request is still open (or lately answered) joins that request, on any channel: see
 * {@link dev.nohold.core.request.Lifecycle#receive}.
 *
 * <p>A provider's retry (the same provider message id) answers the first call's receipt instead of making a second
 * request and joins nothing twice, also when the two arrive at once on two nodes: the database's unique keys decide.
 */
@ApplicationScoped
public class Intake {

    private static final int MAX_ADDRESS_LENGTH = 320;

    private final ProducerTemplate routes;
    private final NoholdConfig config;

    public Intake(ProducerTemplate routes, NoholdConfig config) {
        this.routes = routes;
        this.config = config;
    }

    public IntakeReceipt submit(InboundMessage message) {
        validate(message);
        Optional<IntakeReceipt> repeat = receiptOfRepeat(message);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        try {
            return routes.requestBody(IntakeRoutes.INTAKE, message, IntakeReceipt.class);
        } catch (CamelExecutionException e) {
            if (isUniqueViolation(e) && message.providerMessageId() != null) {
                return receiptOfRepeat(message).orElseThrow(() -> e);
            }
            throw unwrap(e);
        }
    }

    void validate(InboundMessage message) {
        boolean hasText = message.text() != null && !message.text().isBlank();
        if (!hasText && !message.hasAudio() && !message.audioToFollow()) {
            throw Refusal.badInput("The message has neither text nor audio");
        }
        if (message.text() != null && message.text().length() > config.intake().maxTextLength()) {
            throw Refusal.tooLarge("The text is " + message.text().length() + " characters long; at most "
                    + config.intake().maxTextLength() + " are taken");
        }
        if (message.from().isBlank() || message.from().length() > MAX_ADDRESS_LENGTH) {
            throw Refusal.badInput("The sender's address must be 1 to " + MAX_ADDRESS_LENGTH + " characters");
        }
    }

    /** The receipt an earlier delivery of the same provider message got (a new request or a joined one), if any. */
    private static Optional<IntakeReceipt> receiptOfRepeat(InboundMessage message) {
        if (message.providerMessageId() == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting().call(() -> Message.byProviderId(message.channel(),
                        message.providerMessageId())
                .map(earlier -> {
                    refuseReusedKey(earlier.fingerprint, message);
                    Request request = Request.findById(earlier.requestId);
                    boolean madeTheRequest = message.providerMessageId().equals(request.providerMessageId)
                            && message.channel().equals(request.channel);
                    return new IntakeReceipt(request.id, request.reference, earlier.intakeStatus, true,
                            !madeTheRequest);
                }));
    }

    private static void refuseReusedKey(String firstFingerprint, InboundMessage message) {
        if (!Objects.equals(firstFingerprint, message.fingerprint())) {
            throw Refusal.unprocessable("The key " + message.providerMessageId()
                    + " was already used for a different message; use a new key for a new message");
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
