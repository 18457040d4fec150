package dev.nohold.channel.webchat;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code sms} channel as far as these tests need it: the notices the core asked it to send (the web chat never
 * names the SMS channel's code, so this stand-in is all that is installed here).
 */
@ApplicationScoped
public class SmsStandIn implements Channel {

    /** One notice, as the SMS channel would have texted it. */
    public record Notice(String to, String text) {
    }

    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    /** Through a method: a field read on the injected client proxy would not be this bean's. */
    List<Notice> notices() {
        return notices;
    }

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
        return DeliveryResult.delivered("sms-" + reply.deliveryId());
    }

    @Override
    public void notice(String to, String text) {
        notices.add(new Notice(to, text));
    }
}
