package dev.nohold.core.request;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.customer.Customers;
import dev.nohold.core.events.LiveEvents;
import dev.nohold.core.media.MediaItem;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place a request changes status. Every change is written as a {@link RequestEvent} in the same
 * transaction, so the events are both the request's timeline and its audit trail.
 */
@ApplicationScoped
@Transactional
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    /** The request attribute naming the agent a supervisor took it from; the dispatcher passes them over. */
    public static final String TAKEN_FROM = "takenFrom";

    private static final List<RequestStatus> OPEN = List.of(RequestStatus.RECEIVED, RequestStatus.TRANSCRIBING,
            RequestStatus.QUEUED, RequestStatus.ASSIGNED);
    private static final List<RequestStatus> ANSWERED = List.of(RequestStatus.ANSWERED, RequestStatus.DELIVERED,
            RequestStatus.DELIVERY_FAILED);

    private final Clock clock;
    private final Customers customers;
    private final References references;
    private final MediaStore media;
    private final NoholdConfig config;
    private final Event<WorkAvailable> workAvailable;
    private final Event<TranscriptionDue> transcriptionDue;
    private final Timer queueWait;
    // A field, not a constructor argument, to keep this hook apart from the constructor other changes touch.
    @Inject
    LiveEvents liveEvents;
    /** Keeps this node's {@link WaitingLine} current the moment a change commits. */
    @Inject
    Event<WaitingLine.LineChanged> lineChanged;

    public Lifecycle(Clock clock, Customers customers, References references, MediaStore media, NoholdConfig config,
                     Event<WorkAvailable> workAvailable, Event<TranscriptionDue> transcriptionDue,
                     MeterRegistry metrics) {
        this.clock = clock;
        this.customers = customers;
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

    /**
     * Takes in a customer's message. A text from a customer whose request is still open joins it, on any channel
     * (a call's recording, then an SMS from the same number, is one request); a text within the reopen window after
     * their request was answered reopens it. Anything else makes a new request: stored, then queued (text) or sent
     * to speech recognition (audio).
     */
    public IntakeReceipt receive(InboundMessage message) {
        UUID customerId = customers.resolve(message.channel(), message.from());
        if (message.joinsConversation()) {
            Optional<IntakeReceipt> joined = joinConversation(customerId, message);
            if (joined.isPresent()) {
                return joined.get();
            }
        }
        Instant now = clock.instant();
        Request request = new Request();
        request.id = UUID.randomUUID();
        request.reference = references.next();
        request.customerId = customerId;
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
        Message first = Message.inbound(request.id, message, now);
        if (message.hasAudio()) {
            MediaItem audio = media.put(message.audio());
            request.audioKey = audio.key();
            request.audioType = audio.mediaType();
            first.audioKey = request.audioKey;
            first.audioType = request.audioType;
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
        first.intakeStatus = request.status;
        first.persist();
        LOG.infof("Request %s received via %s", request.reference, request.channel);
        return new IntakeReceipt(request.id, request.reference, request.intakeStatus, false);
    }

    /**
     * Adds the customer's text to their open request, or reopens the one answered within the reopen window; empty
     * when there is neither, or when the text would make the request longer than intake takes (it starts a new one).
     * The customer's identity is locked (see {@link Customers#resolve}), so two texts never race past each other.
     */
    private Optional<IntakeReceipt> joinConversation(UUID customerId, InboundMessage message) {
        // One read for both: the open request, else the latest answered within the reopen window.
        Instant since = clock.instant().minus(config.conversation().reopenWindow());
        List<Request> candidates = Request.list("customerId = ?1 and (status in ?2 or (status in ?3 and answeredAt >= ?4))",
                customerId, OPEN, ANSWERED, since);
        Optional<Request> open = candidates.stream().filter(request -> request.status.isOpen())
                .max(Comparator.comparing((Request request) -> request.createdAt)
                        .thenComparing(request -> request.id.toString(), Comparator.reverseOrder()));
        if (open.isPresent()) {
            Request request = lockFresh(open.get());
            if (request.status.isOpen() && fits(request, message.text())) {
                addMessage(request, message, "MESSAGE_ADDED", "via " + message.channel());
                LOG.infof("A message via %s joined request %s", message.channel(), request.reference);
                return Optional.of(joinedReceipt(request));
            }
            return Optional.empty();
        }
        Optional<Request> answered = candidates.stream().filter(request -> !request.status.isOpen())
                .max(Comparator.comparing((Request request) -> request.answeredAt)
                        .thenComparing(request -> request.id.toString(), Comparator.reverseOrder()));
        if (answered.isEmpty() || !fits(answered.get(), message.text())) {
            return Optional.empty();
        }
        return Optional.of(reopen(answered.get(), message));
    }

    /**
     * A follow-up after the answer: the request goes back to QUEUED with its original place in line, and to the agent
     * who answered at once if they are available with room, else to whoever the dispatcher finds.
     */
    private IntakeReceipt reopen(Request unlocked, InboundMessage message) {
        // The agent row before the request, as the dispatcher and replies lock them, so they never deadlock.
        Agent answeredBy = unlocked.assignedTo;
        if (answeredBy != null) {
            Agent.getEntityManager().refresh(answeredBy, LockModeType.PESSIMISTIC_WRITE);
        }
        Request request = lockFresh(unlocked);
        Message followUp = addMessage(request, message, "REOPENED", "follow-up via " + message.channel()
                + (answeredBy == null ? "" : "; answered by " + answeredBy.username));
        request.assignedTo = null;
        request.assignedAt = null;
        request.requeued = false;
        queue(request, request.queuedAt);
        if (answeredBy != null && answeredBy.presence == Presence.AVAILABLE
                && answeredBy.openAssignments < answeredBy.capacity) {
            assign(request, answeredBy);
        }
        followUp.intakeStatus = request.status;
        LOG.infof("Request %s reopened by a follow-up via %s", request.reference, message.channel());
        return joinedReceipt(request);
    }

    private Message addMessage(Request request, InboundMessage message, String eventType, String detail) {
        Instant now = clock.instant();
        String text = message.text().strip();
        request.text = request.text == null ? text : request.text + "\n" + text;
        request.attributes.putAll(message.attributes());
        request.updatedAt = now;
        record(request, eventType, detail);
        Message joined = Message.inbound(request.id, message, now);
        joined.intakeStatus = request.status;
        joined.persist();
        return joined;
    }

    private boolean fits(Request request, String text) {
        int length = (request.text == null ? 0 : request.text.length() + 1) + text.strip().length();
        return length <= config.intake().maxTextLength();
    }

    private static IntakeReceipt joinedReceipt(Request request) {
        return new IntakeReceipt(request.id, request.reference, request.status, false, true);
    }

    /**
     * The audio of a request taken in with {@link InboundMessage#audioToFollow()} has arrived: it goes to speech
     * recognition. False when the request no longer waits for it (another node attached it first). Its type is the
     * one detected from the bytes, not the provider's claim.
     */
    public boolean attachAudio(UUID requestId, byte[] audio) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.RECEIVED || request.audioKey != null) {
            return false;
        }
        MediaItem stored = media.put(audio);
        request.audioKey = stored.key();
        request.audioType = stored.mediaType();
        Message.first(request.id).ifPresent(first -> {
            first.audioKey = request.audioKey;
            first.audioType = request.audioType;
        });
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
        request.text = firstWords(request, blankToNull(text));
        record(request, "AUDIO_UNAVAILABLE", reason);
        queue(request, null);
        return true;
    }

    /**
     * Speech recognition produced the request's text, with its confidence and word timings: it joins the queue. A
     * {@code misheard} warning (recognition was unsure; null when it was not) is put on the timeline as
     * TRANSCRIPT_LOW_CONFIDENCE, so the agent listens before trusting the text.
     */
    public void transcribed(UUID requestId, Transcript transcript, String detail, String misheard) {
        Request request = lock(requestId);
        if (request.status != RequestStatus.TRANSCRIBING) {
            return;
        }
        request.text = firstWords(request, blankToNull(transcript.text()));
        request.transcriptConfidence = transcript.confidence();
        request.transcriptWords = transcript.words();
        record(request, "TRANSCRIBED", detail);
        if (misheard != null) {
            record(request, "TRANSCRIPT_LOW_CONFIDENCE", misheard);
        }
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
        request.attributes.remove(TAKEN_FROM);
        request.assignedTo = agent;
        request.assignedAt = now;
        request.requeued = false;
        agent.openAssignments++;
        agent.idleSince = now;
        changeStatus(request, RequestStatus.ASSIGNED, agent.username);
        // A reopened request keeps its first arrival time for its place in line; that is not a wait in the queue.
        if (request.queuedAt != null && request.answeredAt == null) {
            queueWait.record(Duration.between(request.queuedAt, now));
        }
        LOG.infof("Request %s assigned to %s", request.reference, agent.username);
    }

    /** The agent left with work unanswered: it goes back to the queue, first in line. */
    public void requeueAssignmentsOf(Agent agent, String reason) {
        List<Request> open = Request.find("assignedTo = ?1 and status = ?2", agent, RequestStatus.ASSIGNED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Request request : open) {
            requeue(request, reason);
        }
        agent.openAssignments = 0;
    }

    /**
     * An assignment the agent left unanswered too long (away, or no longer connected) goes back to the queue,
     * first in line; called holding the agent's row and then the request's locked, as the dispatcher locks them.
     */
    public void requeueUnanswered(Request request, Agent agent, String reason) {
        if (request.status != RequestStatus.ASSIGNED || !agent.equals(request.assignedTo)) {
            return;
        }
        requeue(request, reason);
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
    }

    /**
     * A supervisor takes an assigned request from its agent: it goes back to the queue, first in line, and the agent
     * is freed. Locks the agent before the request, as the dispatcher does.
     */
    public Request requeueBySupervisor(UUID requestId, String supervisor) {
        Agent holder = lockHolder(requestId);
        Request request = lock(requestId);
        if (request.status != RequestStatus.ASSIGNED) {
            throw Refusal.conflict("Request " + request.reference + " is " + request.status
                    + "; only an assigned request can be put back in the queue");
        }
        if (holder == null || !holder.equals(request.assignedTo)) {
            throw Refusal.conflict("Request " + request.reference + " changed hands meanwhile; look again");
        }
        requeue(request, "by " + supervisor + ", taken from " + holder.username);
        // The supervisor moved it away from this agent: the dispatcher gives it to anyone else (see AssignmentClaim).
        request.attributes.put(TAKEN_FROM, holder.username);
        holder.openAssignments = Math.max(0, holder.openAssignments - 1);
        LOG.infof("Request %s requeued by %s", request.reference, supervisor);
        return request;
    }

    /**
     * A supervisor gives a queued or assigned request to another agent, also beyond that agent's capacity: the one
     * who held it is freed (REQUEUED, QUEUED, then ASSIGNED on the timeline). Both agents are locked before the
     * request, in the order of their ids, so this never deadlocks with the dispatcher, replies or another reassign.
     */
    public Request reassign(UUID requestId, String username, String supervisor) {
        Request unlocked = Request.findById(requestId);
        if (unlocked == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        Agent to = Agent.findByUsername(username)
                .orElseThrow(() -> Refusal.unprocessable("No agent " + username + " to give the request to"));
        Agent holder = unlocked.assignedTo;
        List<Agent> agents = holder == null || holder.equals(to) ? List.of(to)
                : holder.id.compareTo(to.id) < 0 ? List.of(holder, to) : List.of(to, holder);
        agents.forEach(agent -> Agent.getEntityManager().refresh(agent, LockModeType.PESSIMISTIC_WRITE));
        Request request = lockFresh(unlocked);
        if (request.status != RequestStatus.QUEUED && request.status != RequestStatus.ASSIGNED) {
            throw Refusal.conflict("Request " + request.reference + " is " + request.status
                    + "; only a queued or assigned request can be reassigned");
        }
        if (request.assignedTo != null && !request.assignedTo.equals(holder)) {
            throw Refusal.conflict("Request " + request.reference + " changed hands meanwhile; look again");
        }
        if (to.equals(request.assignedTo)) {
            throw Refusal.conflict(username + " already holds request " + request.reference);
        }
        if (to.disabled || to.presence == Presence.OFFLINE) {
            throw Refusal.conflict(username + " is " + (to.disabled ? "disabled" : "offline")
                    + " and cannot take request " + request.reference);
        }
        if (request.status == RequestStatus.ASSIGNED) {
            requeue(request, "by " + supervisor + ", taken from " + holder.username + " for " + to.username);
            holder.openAssignments = Math.max(0, holder.openAssignments - 1);
        }
        assign(request, to);
        LOG.infof("Request %s reassigned to %s by %s", request.reference, to.username, supervisor);
        return request;
    }

    private void requeue(Request request, String reason) {
        // Recorded while the agent still holds it, so their live event stream hears that it left them.
        record(request, "REQUEUED", reason);
        request.assignedTo = null;
        request.assignedAt = null;
        request.requeued = true;
        queue(request, request.queuedAt);
    }

    /**
     * Stores the agent's answer; the request is ANSWERED and the agent freed. The caller stores the delivery in
     * this same transaction.
     */
    public void answered(Request request, Agent agent) {
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
        agent.idleSince = clock.instant();
        record(request, "REPLIED", "by " + agent.username);
        request.answeredAt = clock.instant();
        changeStatus(request, RequestStatus.ANSWERED, null);
        workAvailable.fire(new WorkAvailable("agent " + agent.username + " answered"));
    }

    /**
     * The customer was connected live to the agent holding their request (a voice call bridged to the agent's
     * phone) and the call ended: the conversation was the answer, so the request is answered and delivered at once,
     * without a reply row, and the agent is free again.
     */
    public void answeredLive(UUID requestId, String detail) {
        Agent agent = lockHolder(requestId);
        Request request = lock(requestId);
        if (request.status != RequestStatus.ASSIGNED || agent == null) {
            return;
        }
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
        agent.idleSince = clock.instant();
        record(request, "ANSWERED_LIVE", "by " + agent.username + ": " + detail);
        request.answeredAt = clock.instant();
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
        Agent agent = lockHolder(requestId);
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
     * The customer sent more while their request is open (a second SMS, also once an agent has it): the text joins
     * the request's conversation on the request's own channel, so the agent sees one request. Returns false, changing
     * nothing, once the request is answered or cancelled.
     */
    public boolean addText(UUID requestId, String text, String detail) {
        Request request = lock(requestId);
        if (!request.status.isOpen() || text == null || text.isBlank()) {
            return false;
        }
        if (!fits(request, text)) {
            throw Refusal.tooLarge("Request " + request.reference + " would grow beyond "
                    + config.intake().maxTextLength() + " characters, the most that are taken");
        }
        addMessage(request, InboundMessage.text(request.channel, request.from, text), "MESSAGE_ADDED", detail);
        return true;
    }

    /** Adds a fact to the timeline that is not a change of status (a delivery attempt, a note). */
    /**
     * Gives a request its place among the others by {@code priority} (higher is taken first); a request already with
     * an agent keeps them. Recorded on its timeline as {@code PRIORITY}.
     */
    public void prioritize(UUID requestId, int priority, String why) {
        Request request = Request.findById(requestId);
        if (request.priority != priority) {
            request.priority = priority;
            record(request, "PRIORITY", priority + ", " + why);
        }
    }

    public void note(UUID requestId, String type, String detail) {
        record(Request.findById(requestId), type, detail);
    }

    /**
     * The words of the customer's first (spoken) message, now known, go before whatever texts joined the request
     * while it was being recognized; the first message of the conversation shows them too.
     */
    private static String firstWords(Request request, String words) {
        if (words == null) {
            return request.text;
        }
        Message.first(request.id).filter(first -> first.text == null).ifPresent(first -> first.text = words);
        return request.text == null ? words : words + "\n" + request.text;
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
        if (status == RequestStatus.QUEUED) {
            lineChanged.fire(new WaitingLine.LineChanged(request.id, WaitingLine.Place.of(request)));
        } else if (request.status == RequestStatus.QUEUED) {
            lineChanged.fire(new WaitingLine.LineChanged(request.id, null));
        }
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

    /**
     * Locks the agent holding the request, if any, before the caller locks the request: the dispatcher and replies
     * lock an agent before a request, so no two of them ever deadlock.
     */
    private static Agent lockHolder(UUID requestId) {
        Request unlocked = Request.findById(requestId);
        if (unlocked == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        Agent agent = unlocked.assignedTo;
        if (agent != null) {
            Agent.getEntityManager().lock(agent, LockModeType.PESSIMISTIC_WRITE);
        }
        return agent;
    }

    private Request lock(UUID requestId) {
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        return request;
    }

    /** Locks a request read earlier in this transaction and reads it again, as another may have changed it since. */
    private static Request lockFresh(Request request) {
        Request.getEntityManager().refresh(request, LockModeType.PESSIMISTIC_WRITE);
        return request;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
