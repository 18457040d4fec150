package dev.nohold.channel.webchat;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.LiveContact;
import dev.nohold.core.channel.LiveNeeds;
import dev.nohold.core.channel.OutboundReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The web chat: customers write or speak in a page ({@code /chat}) or the widget on another site, over a WebSocket
 * ({@link ChatSocket}). Found by the core as a {@link Channel} bean. An answer is stored as the browser's next
 * message and is delivered once the browser acknowledged it; with an agent free at the moment of contact the chat
 * is live ({@link #liveContact()}).
 */
@ApplicationScoped
public class WebChatChannel implements Channel {

    public static final String ID = "webchat";

    private final Conversations conversations;
    private final WebChatConfig config;

    public WebChatChannel(Conversations conversations, WebChatConfig config) {
        this.conversations = conversations;
        this.config = config;
    }

    /**
     * A conversation flow's reminder or parting words, outside a turn: the bot's next line, signalled to every node,
     * so the page shows it at once on whichever node holds its socket.
     */
    @Override
    public void notice(String to, String text) throws DeliveryException {
        conversations.notice(to, text).orElseThrow(() -> DeliveryException.permanentFailure(
                "No web chat is known by the address " + to));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Web chat";
    }

    @Override
    public String icon() {
        return "\uD83D\uDCAC";
    }

    /** Stored for the browser, shown by whichever node holds its socket; confirmed when the browser acknowledges. */
    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        return conversations.storeAnswer(reply);
    }

    /** Any available agent with room can chat; no phone needed. */
    @Override
    public Optional<LiveContact> liveContact() {
        return Optional.of(new LiveContact(new LiveNeeds(false, null), config.liveOffer()));
    }
}
