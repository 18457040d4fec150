package dev.nohold.tck.sample;

import dev.nohold.tck.Delivered;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A made-up messaging provider for the kit's own tests: it signs what it sends the platform with a secret, keeps
 * what the platform asks it to deliver, and refuses deliveries when told to, with an HTTP-like status. One per
 * channel id, so broken sample channels installed side by side never see each other's traffic.
 */
public final class SampleProvider {

    static final String SECRET = "sample-provider-secret";

    /** What the provider sends the platform: its own message id, the sender, the text and its signature. */
    public record Message(String id, String from, String text, String signature) {
    }

    /** A delivery the provider refused: a status and the words it said. */
    public static final class Refused extends Exception {
        final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    private static final Map<String, SampleProvider> BY_CHANNEL = new ConcurrentHashMap<>();

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final Queue<Refused> refusals = new ConcurrentLinkedQueue<>();

    public static SampleProvider of(String channel) {
        return BY_CHANNEL.computeIfAbsent(channel, id -> new SampleProvider());
    }

    public static String sign(String from, String text) {
        return Integer.toHexString((SECRET + "|" + from + "|" + text).hashCode());
    }

    /** The provider delivers a message to the customer, or refuses with the next scripted refusal. */
    public String deliver(String to, String text) throws Refused {
        Refused refusal = refusals.poll();
        if (refusal != null) {
            throw refusal;
        }
        String id = "sample-" + UUID.randomUUID();
        delivered.add(new Delivered(to, text, id));
        return id;
    }

    public void refuseNext(int status, String reason) {
        refusals.add(new Refused(status, reason));
    }

    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    public void reset() {
        delivered.clear();
        refusals.clear();
    }
}
