package dev.nohold.core.request;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.events.LiveEvents;
import dev.nohold.core.media.MediaStore;
import dev.nohold.core.speech.Transcript;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The one place a request changes status. Every change is written as a {@link RequestEvent} in the same
 * transaction, so the events are both the request's timeline and its audit trail.
 */
@ApplicationScoped
@Transactional
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    private final Clock clock;
    private final References references;
    private final MediaStore media;
    private final NoholdConfig config;
    private final Event<WorkAvailable> workAvailable;
    private final Event<TranscriptionDue> transcriptionDue;
    private final Timer queueWait;
    // A field, not a constructor argument, to keep this hook apart from the constructor other changes touch.
    @Inject
    LiveEvents liveEvents;

    public Lifecycle(Clock clock, References references, MediaStore media, NoholdConfig config,
                     Event<WorkAvailable> workAvailable, Event<TranscriptionDue> transcriptionDue,
                     MeterRegistry metrics) {
        this.clock = clock;
        this.references = references;
        this.media = media;
        this.config = config;
        this.workAvailable = workAvailable;
        this.transcriptionDue = transcriptionDue;
        this.queueWait = Timer.builder("nohold.queue.wait")
                .description("Time from a request being queued to its assignment to an agent")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** Takes in a customer's message: stored, then queued (text) or sent to speech recognition (audio). */
    public IntakeReceipt receive(InboundMessage message) {
        Instant now = clock.instant();
        Request request = new Request();
        request.id = UUID.randomUUID();
        request.reference = references.next();
        request.channel = message.channel();
        request.from = message.from();
        request.text = blankToNull(message.text());
        request.language = message.language();
        request.requiredSkill = message.requiredSkill();
        request.providerMessageId = message.providerMessageId();
        request.fingerprint = message.fingerprint();
        request.attributes = new HashMap<>(message.attributes());
        request.createdAt = now;
        request.updatedAt = now;
        request.status = RequestStatus.RECEIVED;
        if (message.hasAudio()) {
            request.audioKey = media.store(message.audio(), message.audioType());
            request.audioType = message.audioType();
        }
        request.intakeStatus = RequestStatus.RECEIVED;
        request.persist();
        record(request, RequestStatus.RECEIVED.name(), "via " + message.channel());
        if (message.hasAudio()) {
            transcribe(request);
        } else if (message.audioToFollow()) {
            record(request, "AWAITING_AUDIO", "the recording is being fetched");
        } else {
            queue(request, null);
        }
        request.intakeStatus = request.status;
        LOG.infof("Request %s received via %s", request.reference, request.channel);
        return new IntakeReceipt(request.id, request.reference, request.intakeStatus, false);
    }

    /**
     * The audio of a request taken in with {@link InboundMessage#audioToFollow()} has arrived: it goes to speech
     * recognition. False when the request no longer waits for it (another node attached it first).
     */
    public boolean attachAudio(UUID requestId, byte[] audio, String audioType) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.RECEIVED || request.audioKey != null) {
            return false;
        }
        request.audioKey = media.store(audio, audioType);
        request.audioType = audioType;
        transcribe(request);
        return true;
    }

    /**
     * The audio a request waited for cannot be had: it is queued with the given text (what the agent should do)
     * and the reason on its timeline. False when the request no longer waits for audio.
     */
    public boolean queueWithoutAudio(UUID requestId, String text, String reason) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.RECEIVED || request.audioKey != null) {
            return false;
        }
        request.text = blankToNull(text);
        record(request, "AUDIO_UNAVAILABLE", reason);
        queue(request, null);
        return true;
    }

    /** Speech recognition produced the request's text, with its confidence and word timings: it joins the queue. */
    public void transcribed(UUID requestId, Transcript transcript, String detail) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.TRANSCRIBING) {
            return;
        }
        request.text = blankToNull(transcript.text());
        request.transcriptConfidence = transcript.confidence();
        request.transcriptWords = transcript.words();
        record(request, "TRANSCRIBED", detail);
        queue(request, null);
    }

    /** Recognition gave no text; the request is queued all the same, with its audio and the reason. */
    public void transcriptionFailed(UUID requestId, String reason) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.TRANSCRIBING) {
            return;
        }
        record(request, "TRANSCRIPTION_FAILED", reason);
        queue(request, null);
    }

    /** Gives a queued request to an idle agent; called by the dispatcher holding both rows locked. */
    public void assign(Request request, Agent agent) {
        Instant now = clock.instant();
        request.assignedTo = agent;
        request.assignedAt = now;
        request.requeued = false;
        agent.openAssignments++;
        agent.idleSince = now;
        changeStatus(request, RequestStatus.ASSIGNED, agent.username);
        if (request.queuedAt != null) {
            queueWait.record(Duration.between(request.queuedAt, now));
        }
        LOG.infof("Request %s assigned to %s", request.reference, agent.username);
    }

    /** The agent left with work unanswered: it goes back to the queue, first in line. */
    public void requeueAssignmentsOf(Agent agent, String reason) {
        List<Request> open = Request.find("assignedTo = ?1 and status = ?2", agent, RequestStatus.ASSIGNED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Request request : open) {
            // Recorded while the agent still holds it, so their live event stream hears that it left them.
            record(request, "REQUEUED", reason);
            request.assignedTo = null;
            request.assignedAt = null;
            request.requeued = true;
            queue(request, request.queuedAt);
        }
        agent.openAssignments = 0;
    }

    /**
     * Stores the agent's answer; the request is ANSWERED and the agent freed. The caller stores the delivery in
     * this same transaction.
     */
    public void answered(Request request, Agent agent) {
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
        agent.idleSince = clock.instant();
        record(request, "REPLIED", "by " + agent.username);
        changeStatus(request, RequestStatus.ANSWERED, null);
        workAvailable.fire(new WorkAvailable("agent " + agent.username + " answered"));
    }

    /**
     * The customer was connected live to the agent holding their request (a voice call bridged to the agent's
     * phone) and the call ended: the conversation was the answer, so the request is answered and delivered at once,
     * without a reply row, and the agent is free again.
     */
    public void answeredLive(UUID requestId, String detail) {
        Request unlocked = Request.findById(requestId);
        if (unlocked == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        // The agent row before the request, as the dispatcher and replies lock them, so the three never deadlock.
        Agent agent = unlocked.assignedTo;
        if (agent != null) {
            Agent.getEntityManager().lock(agent, LockModeType.PESSIMISTIC_WRITE);
        }
        Request request = lock(requestId);
        if (request.status != RequestStatus.ASSIGNED || agent == null) {
            return;
        }
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
        agent.idleSince = clock.instant();
        record(request, "ANSWERED_LIVE", "by " + agent.username + ": " + detail);
        changeStatus(request, RequestStatus.ANSWERED, null);
        changeStatus(request, RequestStatus.DELIVERED, detail);
        workAvailable.fire(new WorkAvailable("agent " + agent.username + " ended a live call"));
    }

    public void delivered(UUID requestId, String detail) {
        Request request = lock(requestId);
        if (request.status == RequestStatus.ANSWERED || request.status == RequestStatus.DELIVERY_FAILED) {
            changeStatus(request, RequestStatus.DELIVERED, detail);
        }
    }

    public void deliveryFailed(UUID requestId, String reason) {
        Request request = lock(requestId);
        if (request.status == RequestStatus.ANSWERED) {
            changeStatus(request, RequestStatus.DELIVERY_FAILED, reason);
        }
    }

    /** The customer withdrew an open request (an SMS CANCEL, a closed chat). */
    public void cancel(UUID requestId, String reason) {
        Request unlocked = Request.findById(requestId);
        if (unlocked == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        // Lock the agent before the request, as the dispatcher and replies do, so the three never deadlock.
        Agent agent = unlocked.assignedTo;
        if (agent != null) {
            Agent.getEntityManager().lock(agent, LockModeType.PESSIMISTIC_WRITE);
        }
        Request request = lock(requestId);
        if (!request.status.isOpen()) {
            throw Refusal.conflict("Request " + request.reference + " is already " + request.status
                    + " and can no longer be cancelled");
        }
        if (request.status == RequestStatus.ASSIGNED && agent != null && agent.equals(request.assignedTo)) {
            agent.openAssignments = Math.max(0, agent.openAssignments - 1);
            workAvailable.fire(new WorkAvailable("request " + request.reference + " cancelled"));
        }
        // Recorded before the agent lets go, so their live event stream hears of the cancellation.
        changeStatus(request, RequestStatus.CANCELLED, reason);
        request.assignedTo = null;
    }

    /**
     * The customer sent more before an agent took their request (a second SMS): the text joins the request, so the
     * agent sees one request. Returns false, changing nothing, once the request is no longer waiting for an agent.
     */
    public boolean addText(UUID requestId, String text, String detail) {
        Request request = lock(requestId);
        boolean waiting = request.status == RequestStatus.RECEIVED || request.status == RequestStatus.TRANSCRIBING
                || request.status == RequestStatus.QUEUED;
        if (!waiting || text == null || text.isBlank()) {
            return false;
        }
        String joined = request.text == null ? text.strip() : request.text + "\n" + text.strip();
        if (joined.length() > config.intake().maxTextLength()) {
            throw Refusal.tooLarge("Request " + request.reference + " would grow to " + joined.length()
                    + " characters; at most " + config.intake().maxTextLength() + " are taken");
        }
        request.text = joined;
        request.updatedAt = clock.instant();
        record(request, "TEXT_ADDED", detail);
        return true;
    }

    /** Adds a fact to the timeline that is not a change of status (a delivery attempt, a note). */
    public void note(UUID requestId, String type, String detail) {
        record(Request.findById(requestId), type, detail);
    }

    private void transcribe(Request request) {
        changeStatus(request, RequestStatus.TRANSCRIBING, null);
        transcriptionDue.fire(new TranscriptionDue(request.id));
    }

    private void queue(Request request, Instant originalQueuedAt) {
        request.queuedAt = originalQueuedAt != null ? originalQueuedAt : clock.instant();
        changeStatus(request, RequestStatus.QUEUED, null);
        workAvailable.fire(new WorkAvailable("request " + request.reference + " queued"));
    }

    private void changeStatus(Request request, RequestStatus status, String detail) {
        request.status = status;
        request.updatedAt = clock.instant();
        record(request, status.name(), detail);
    }

    private void record(Request request, String type, String detail) {
        RequestEvent event = new RequestEvent();
        event.requestId = request.id;
        event.at = clock.instant();
        event.type = type;
        event.detail = detail;
        event.persist();
        liveEvents.request(request, type, detail, event.at);
    }

    private Request lock(UUID requestId) {
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        return request;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
