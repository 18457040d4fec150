package dev.nohold.tck.sample;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.Channels;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import io.quarkus.arc.Arc;

import java.util.List;

/** Drives a sample channel the way its provider would: a signed message in, a refusal when told. */
public record SampleDriver(String channelId) implements ChannelDriver {

    @Override
    public String customer(int n) {
        return "customer-" + n + "@sample.test";
    }

    @Override
    public void send(String customer, String text, String messageId) {
        post(new SampleProvider.Message(messageId, customer, text, SampleProvider.sign(customer, text)));
    }

    @Override
    public void sendForged(String customer, String text, String messageId) {
        post(new SampleProvider.Message(messageId, customer, text, "0000"));
    }

    @Override
    public void sendMalformed(String customer, String messageId) {
        post(new SampleProvider.Message(messageId, customer, null, SampleProvider.sign(customer, null)));
    }

    @Override
    public List<Delivered> delivered() {
        return SampleProvider.of(channelId).delivered();
    }

    @Override
    public String failNextDelivery(ProviderFailure failure) {
        if (failure == ProviderFailure.RETRYABLE) {
            SampleProvider.of(channelId).refuseNext(503, "busy, try later");
            return "503";
        }
        SampleProvider.of(channelId).refuseNext(404, "no such customer");
        return "no such customer";
    }

    @Override
    public void reset() {
        SampleProvider.of(channelId).reset();
    }

    /** As the provider's HTTP call would: a refusal is the 4xx it gets, not an error of the test. */
    private void post(SampleProvider.Message message) {
        SampleChannel channel = (SampleChannel) Arc.container().instance(Channels.class).get().find(channelId)
                .orElseThrow();
        try {
            channel.receive(message);
        } catch (Refusal refused) {
            // the provider is told no; what matters to the kit is what was stored
        }
    }
}
