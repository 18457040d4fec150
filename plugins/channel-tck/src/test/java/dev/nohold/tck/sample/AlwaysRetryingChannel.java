package dev.nohold.tck.sample;

import jakarta.enterprise.context.ApplicationScoped;
import dev.nohold.core.channel.DeliveryException;

/** Broken on purpose: every provider refusal is called transient, so a reply that can never pass is retried. */
@ApplicationScoped
public class AlwaysRetryingChannel extends SampleChannel {

    @Override
    public String id() {
        return "sample-retrying";
    }

    @Override
    protected DeliveryException failure(SampleProvider.Refused refused) {
        return DeliveryException.transientFailure("The sample provider answered " + refused.status + ": "
                + refused.getMessage());
    }
}
