package dev.nohold.core.reply;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.channel.Channels;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.ReplyStored;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's second try at a failed delivery: the same answer again on its channel (retry), or on another channel
 * the customer is known by (resend). Either puts a new PENDING row in the outbox in place of the failed one, so the
 * delivery route sends it as it sends every reply, with its own retries and give-up time. Only the agent who wrote
 * the answer, or a supervisor or admin, may do it; a failed delivery is replaced once.
 */
@ApplicationScoped
@Transactional
public class Redeliveries {

    public static final String RETRIED = "DELIVERY_RETRIED";

    private final Channels channels;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final Event<ReplyStored> replyStored;

    public Redeliveries(Channels channels, Lifecycle lifecycle, Clock clock, Event<ReplyStored> replyStored) {
        this.channels = channels;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.replyStored = replyStored;
    }

    /** The failed delivery again, on its own channel and to the same address. */
    public Delivery retry(UUID requestId, UUID deliveryId, String username) {
        Delivery failed = replaceable(requestId, deliveryId, username);
        return replace(failed, failed.channel, failed.address, username, "retry via " + failed.channel);
    }

    /**
     * The failed delivery's answer on another of the customer's channels; {@code address} picks one of their
     * addresses there when they have several (by default the newest). Only the customer's own addresses are taken.
     */
    public Delivery resend(UUID requestId, UUID deliveryId, String username, String channel, String address) {
        if (channel == null || channel.isBlank()) {
            throw Refusal.badInput("Name the channel to send on, like {\"channel\": \"sms\"}");
        }
        String channelId = channel.strip();
        if (channels.find(channelId).isEmpty()) {
            throw Refusal.badInput("No channel '" + channelId + "' is installed on this platform");
        }
        Delivery failed = replaceable(requestId, deliveryId, username);
        Request request = Request.findById(requestId);
        List<CustomerAddress> there = CustomerAddress.of(request.customerId).stream()
                .filter(known -> known.channel.equals(channelId))
                .sorted(Comparator.comparing((CustomerAddress known) -> known.createdAt).reversed())
                .toList();
        CustomerAddress to = (address == null || address.isBlank() ? there.stream()
                : there.stream().filter(known -> known.address.equals(address.strip())))
                .findFirst()
                .orElseThrow(() -> Refusal.unprocessable(address == null || address.isBlank()
                        ? "The customer has no address on " + channelId + " to send to"
                        : "The customer has no address " + address.strip() + " on " + channelId));
        String failedAddress = failed.address != null ? failed.address : request.from;
        if (channelId.equals(failed.channel) && to.address.equals(failedAddress)) {
            throw Refusal.conflict("That is where the delivery failed: retry it instead");
        }
        return replace(failed, channelId, to.address, username, "resent via " + channelId);
    }

    /** The failed, not yet replaced delivery of this request, locked, if the caller may replace it. */
    private Delivery replaceable(UUID requestId, UUID deliveryId, String username) {
        Agent caller = Agent.findByUsername(username)
                .orElseThrow(() -> Refusal.forbidden("No agent account " + username));
        Delivery failed = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (failed == null || !failed.requestId.equals(requestId)) {
            throw Refusal.notFound("No delivery " + deliveryId + " of request " + requestId);
        }
        Reply reply = Reply.findById(failed.replyId);
        boolean answeredByCaller = Objects.equals(reply.by.id, caller.id);
        if (!caller.seesAllRequests() && !answeredByCaller) {
            Request request = Request.findById(requestId);
            boolean holds = request.assignedTo != null && request.assignedTo.id.equals(caller.id);
            if (!holds && Reply.count("requestId = ?1 and by.id = ?2", requestId, caller.id) == 0) {
                throw Refusal.notFound("No request " + requestId + " that you may see");
            }
            throw Refusal.forbidden("Only " + reply.by.username + ", who wrote this answer, or a supervisor may send it"
                    + " again");
        }
        if (failed.status != DeliveryStatus.FAILED) {
            throw Refusal.conflict("This delivery is " + failed.status + ", not failed: there is nothing to redo");
        }
        if (Delivery.count("replaces", failed.id) > 0) {
            throw Refusal.conflict("This delivery was already sent again; follow the newer one");
        }
        return failed;
    }

    private Delivery replace(Delivery failed, String channel, String address, String username, String what) {
        Delivery next = Delivery.replacing(failed, channel, address, clock.instant());
        next.persist();
        lifecycle.note(failed.requestId, RETRIED, what + " by " + username + " (the earlier attempt failed: "
                + failed.lastError + ")");
        replyStored.fire(new ReplyStored(failed.requestId, next.id));
        return next;
    }
}
