package dev.nohold.core.testing;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A channel for the core's own tests: it keeps what it is asked to deliver and fails when told to. */
@ApplicationScoped
public class RecordingChannel implements Channel {

    public static final String ID = "test";

    private final List<OutboundReply> delivered = new CopyOnWriteArrayList<>();
    private final Queue<DeliveryException> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sentOnly = new AtomicInteger();
    private volatile String missingConfiguration;
    private volatile String lastError;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test channel";
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        DeliveryException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        delivered.add(reply);
        if (sentOnly.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return DeliveryResult.sent("test-" + reply.deliveryId());
        }
        return DeliveryResult.delivered("test-" + reply.deliveryId());
    }

    @Override
    public Optional<String> missingConfiguration() {
        return Optional.ofNullable(missingConfiguration);
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The channel says it lacks this configuration (null: it lacks nothing) and had this last error (or null). */
    public void standing(String missing, String error) {
        this.missingConfiguration = missing;
        this.lastError = error;
    }

    /** The next deliveries fail with these, in order. */
    public void failNext(DeliveryException... next) {
        failures.addAll(List.of(next));
    }

    /** The next deliveries are reported sent, as a provider that confirms later by callback reports them. */
    public void reportSentNext(int count) {
        sentOnly.addAndGet(count);
    }

    public List<OutboundReply> delivered() {
        return List.copyOf(delivered);
    }

    public void clear() {
        delivered.clear();
        failures.clear();
        sentOnly.set(0);
        standing(null, null);
    }
}
