package dev.nohold.tck.sample;

import dev.nohold.core.channel.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Broken on purpose: it forgets the provider's message id, so a provider's retry makes a second request. */
@ApplicationScoped
public class TwiceTakingChannel extends SampleChannel {

    @Override
    public String id() {
        return "sample-twice";
    }

    @Override
    protected InboundMessage normalized(SampleProvider.Message message) {
        return InboundMessage.from(id(), message.from()).text(message.text()).build();
    }
}
