package dev.nohold.channel.voice;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@code sms} channel for this module's tests, which run without the SMS module (voice never depends on it): it
 * keeps what the core hands it, so the tests see the voice channel reach "sms" only through the core. The real SMS
 * channel's own rules (STOP) are proven where both run together, in native-build.
 */
@ApplicationScoped
public class SmsChannelStandIn implements Channel {

    /** A text the core asked this channel to send: to whom, and what. */
    public record Sent(String to, String text) {
    }

    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public String displayName() {
        return "SMS (test stand-in)";
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) {
        SENT.add(new Sent(reply.to(), reply.text()));
        return DeliveryResult.delivered("sms-" + reply.deliveryId());
    }

    @Override
    public void notice(String to, String text) {
        SENT.add(new Sent(to, text));
    }

    static List<Sent> sent() {
        return List.copyOf(SENT);
    }

    static void reset() {
        SENT.clear();
    }
}
