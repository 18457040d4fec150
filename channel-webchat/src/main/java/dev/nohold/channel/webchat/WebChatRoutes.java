package dev.nohold.channel.webchat;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.DeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The chat's background work, on every node (each step is claimed or idempotent in PostgreSQL): answers a browser
 * acknowledged before the core recorded their delivery are reported delivered, and answers left unread past
 * {@code nohold.webchat.sms-after} go out by SMS to the number the customer left, through the core.
 */
@ApplicationScoped
public class WebChatRoutes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(WebChatRoutes.class);

    private final ChatStore store;
    private final Conversations conversations;
    private final ChannelRequests requests;
    private final WebChatConfig config;
    private final Clock clock;

    public WebChatRoutes(ChatStore store, Conversations conversations, ChannelRequests requests, WebChatConfig config,
                         Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.requests = requests;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void configure() {
        long every = config.sweepInterval().toMillis();
        from("timer:webchat-confirmations?delay=" + every + "&period=" + every)
                .routeId("webchat-confirm-acknowledged-answers")
                .process(exchange -> confirmAcknowledged());
        from("timer:webchat-sms?delay=" + every + "&period=" + every)
                .routeId("webchat-answers-unread-by-sms")
                .process(exchange -> sendUnreadBySms());
    }

    void confirmAcknowledged() {
        store.acknowledgedUnconfirmed().forEach(conversations::confirm);
    }

    void sendUnreadBySms() {
        for (ChatStore.Unread unread : store.unreadWithPhone(clock.instant().minus(config.smsAfter()))) {
            if (!store.claimSms(unread.lineId(), clock.instant())) {
                continue;
            }
            try {
                requests.sendNotice("sms", unread.phone(), unread.text() == null
                        ? "The answer to your chat is a recorded message: open the chat again to hear it."
                        : "The answer to your chat: " + unread.text());
            } catch (DeliveryException e) {
                LOG.warnf("Web chat: an unread answer (delivery %s) could not go out by SMS: %s",
                        unread.deliveryId(), e.getMessage());
            }
        }
    }
}
