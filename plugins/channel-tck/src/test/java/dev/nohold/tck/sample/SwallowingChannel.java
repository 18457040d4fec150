package dev.nohold.tck.sample;

import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.enterprise.context.ApplicationScoped;

/** Broken on purpose: when the provider refuses a reply for good, it says the reply was delivered. */
@ApplicationScoped
public class SwallowingChannel extends SampleChannel {

    @Override
    public String id() {
        return "sample-swallowing";
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        try {
            return super.deliver(reply);
        } catch (DeliveryException e) {
            if (e.retryable()) {
                throw e;
            }
            return DeliveryResult.delivered("swallowed");
        }
    }
}
