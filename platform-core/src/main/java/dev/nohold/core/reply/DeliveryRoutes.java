package dev.nohold.core.reply;

import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.request.ReplyStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import java.util.Set;

/**
 * Carries replies from the outbox to their channels. A reply is sent right after its commit (woken through
 * {@code seda:deliveries-due}, on the node that stored it and, through the live events, on every other) and the
 * outbox is polled for retries and as a safety net; each attempt's outcome goes back to the
 * {@link Outbox}, which schedules the retry or, when a retry cannot help, ends the delivery as FAILED with the
 * reason (the dead-letter path).
 */
@ApplicationScoped
public class DeliveryRoutes extends RouteBuilder {

    static final String WAKE = "seda:deliveries-due?size=1&discardWhenFull=true";

    /** Request events committed with a new pending delivery. */
    private static final Set<String> NEW_DELIVERY = Set.of("REPLIED", "DELIVERY_FALLBACK", Redeliveries.RETRIED);

    private final Outbox outbox;
    private final ProducerTemplate producer;
    private final long pollMillis;

    public DeliveryRoutes(Outbox outbox, ProducerTemplate producer, NoholdConfig config) {
        this.outbox = outbox;
        this.producer = producer;
        this.pollMillis = config.delivery().pollInterval().toMillis();
    }

    void onReplyStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyStored event) {
        producer.sendBody(WAKE, event.deliveryId());
    }

    /** A reply stored on any node (this one's own come back too; the spare wake-up finds nothing to claim). */
    void onLiveEvent(@Observes LiveEvent event) {
        if (NEW_DELIVERY.contains(event.type())) {
            producer.sendBody(WAKE, event.requestId());
        }
    }

    @Override
    public void configure() {
        from("timer:deliveries-poll?delay=" + pollMillis + "&period=" + pollMillis)
                .routeId("deliveries-poll")
                .to("direct:deliver-due");

        from(WAKE)
                .routeId("deliveries-wake")
                .to("direct:deliver-due");

        from("direct:deliver-due")
                .routeId("deliver-due")
                .bean(outbox, "claimDue")
                .split(body()).parallelProcessing()
                    .to("direct:deliver-reply")
                .end();

        from("direct:deliver-reply")
                .routeId("deliver-reply")
                .onException(DeliveryException.class)
                    .handled(true)
                    .process(this::recordFailure)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .process(this::recordUnexpectedFailure)
                .end()
                .process(this::deliver);
    }

    private void deliver(Exchange exchange) throws DeliveryException {
        OutboundReply reply = exchange.getMessage().getBody(OutboundReply.class);
        DeliveryResult result = outbox.send(reply);
        outbox.succeeded(reply, result);
    }

    private void recordFailure(Exchange exchange) {
        DeliveryException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryException.class);
        outbox.failed(exchange.getMessage().getBody(OutboundReply.class), failure);
    }

    /** A bug or an outage inside a channel: treated as transient, so the reply is tried again, not lost. */
    private void recordUnexpectedFailure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        outbox.failed(exchange.getMessage().getBody(OutboundReply.class),
                DeliveryException.transientFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause));
    }
}
