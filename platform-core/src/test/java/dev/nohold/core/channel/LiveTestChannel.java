package dev.nohold.core.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/** A channel for the door's tests that connects customers live to agents with a phone, offered for a second. */
@ApplicationScoped
public class LiveTestChannel implements Channel {

    public static final String ID = "live-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Live test channel";
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) {
        return DeliveryResult.delivered("live-" + reply.deliveryId());
    }

    @Override
    public Optional<LiveContact> liveContact() {
        return Optional.of(new LiveContact(LiveNeeds.aPhone(), Duration.ofSeconds(1)));
    }
}
