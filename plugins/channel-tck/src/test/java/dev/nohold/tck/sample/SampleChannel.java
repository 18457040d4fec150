package dev.nohold.tck.sample;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.channel.OutboundReply;
import jakarta.inject.Inject;

/**
 * A channel over {@link SampleProvider}, written as the kit expects. The deliberately broken channels beside it
 * override one step each, so the kit's tests show that they catch exactly that mistake.
 */
public abstract class SampleChannel implements Channel {

    @Inject
    ChannelRequests requests;

    @Override
    public String displayName() {
        return "Sample (" + id() + ")";
    }

    /** The provider's webhook: what it sends becomes a request, or is refused with nothing stored. */
    public IntakeReceipt receive(SampleProvider.Message message) {
        if (message.from() == null || message.from().isBlank() || message.text() == null) {
            throw Refusal.badInput("A sample message needs a sender and a text");
        }
        checkSignature(message);
        return requests.take(normalized(message));
    }

    protected void checkSignature(SampleProvider.Message message) {
        if (!SampleProvider.sign(message.from(), message.text()).equals(message.signature())) {
            throw Refusal.forbidden("The signature does not match: the sample provider did not send this");
        }
    }

    protected InboundMessage normalized(SampleProvider.Message message) {
        return InboundMessage.from(id(), message.from()).text(message.text())
                .providerMessageId(message.id(), SampleProvider.sign(message.from(), message.text())).build();
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        try {
            return DeliveryResult.delivered(SampleProvider.of(id()).deliver(reply.to(), reply.text()));
        } catch (SampleProvider.Refused refused) {
            throw failure(refused);
        }
    }

    protected DeliveryException failure(SampleProvider.Refused refused) throws DeliveryException {
        String reason = "The sample provider answered " + refused.status + ": " + refused.getMessage();
        return refused.status >= 500 ? DeliveryException.transientFailure(reason)
                : DeliveryException.permanentFailure(reason);
    }
}
