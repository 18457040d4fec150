package dev.nohold.core.reply;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.media.MediaItem;
import dev.nohold.core.media.MediaStore;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Message;
import dev.nohold.core.request.ReplyStored;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes an agent's answer. The reply and its pending {@link Delivery} commit together with the request becoming
 * ANSWERED (the outbox): a crash before the commit loses nothing the agent was told was sent, and after it the
 * delivery route carries on from the row.
 */
@ApplicationScoped
public class Replies {

    private final Lifecycle lifecycle;
    private final MediaStore media;
    private final Clock clock;
    private final NoholdConfig config;
    private final Event<ReplyStored> replyStored;

    public Replies(Lifecycle lifecycle, MediaStore media, Clock clock, NoholdConfig config,
                   Event<ReplyStored> replyStored) {
        this.lifecycle = lifecycle;
        this.media = media;
        this.clock = clock;
        this.config = config;
        this.replyStored = replyStored;
    }

    @Transactional
    public Reply answer(UUID requestId, String username, ReplyDraft draft) {
        if (!draft.hasText() && !draft.hasAudio()) {
            throw Refusal.badInput("A reply needs a text or an audio recording");
        }
        if (draft.hasText() && draft.text().length() > config.intake().maxTextLength()) {
            throw Refusal.tooLarge("The reply is " + draft.text().length() + " characters long; at most "
                    + config.intake().maxTextLength() + " are taken");
        }
        // The agent row is locked before the request, as the dispatcher does, so the two never deadlock.
        Agent agent = Agent.find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Agent>firstResultOptional()
                .orElseThrow(() -> Refusal.forbidden("Unknown agent " + username));
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        if (request.status != RequestStatus.ASSIGNED || request.assignedTo == null
                || !request.assignedTo.id.equals(agent.id)) {
            throw Refusal.conflict("Request " + request.reference + " is not assigned to you (it is "
                    + request.status + "); nothing was stored");
        }
        Instant now = clock.instant();
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.requestId = request.id;
        reply.by = agent;
        reply.text = draft.hasText() ? draft.text().strip() : null;
        if (draft.hasAudio()) {
            // The type the agent's browser claimed is not kept: the channel and the inbox get the detected one.
            MediaItem audio = media.put(draft.audio());
            reply.audioKey = audio.key();
            reply.audioType = audio.mediaType();
        }
        reply.at = now;
        reply.persist();

        // The answer goes back where the customer last wrote: a follow-up by SMS to a call is answered by SMS.
        Optional<Message> latest = Message.latestInbound(request.id);
        String channel = latest.map(message -> message.channel).orElse(request.channel);
        Delivery delivery = Delivery.pending(reply.id, request.id, channel, now);
        delivery.address = latest.map(message -> message.address).orElse(null);
        delivery.persist();
        Message.outbound(request.id, reply.id, agent, channel, reply.text, reply.audioKey, reply.audioType, now)
                .persist();

        lifecycle.answered(request, agent);
        replyStored.fire(new ReplyStored(request.id, delivery.id));
        return reply;
    }
}
