package dev.nohold.core.channel;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.database.AdvisoryLocks;
import dev.nohold.core.media.MediaItem;
import dev.nohold.core.media.MediaStore;
import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Outbox;
import dev.nohold.core.reply.Reply;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.request.Message;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one door between a channel and the core: everything a channel asks of the core's requests, deliveries and
 * agents goes through here, and what comes back are this package's small records, never entities. The lifecycle,
 * the outbox and the queries stay the core's business behind it. Every method runs in a transaction of its own
 * unless the channel's caller already has one (then it joins it), so a channel's own threads may call it too.
 */
@ApplicationScoped
@Transactional
public class ChannelRequests {

    /** Who took a live contact, so its end is never credited to an agent it was handed on to. */
    private static final String LIVE_AGENT = "liveAgent";
    private static final List<RequestStatus> OPEN =
            List.of(RequestStatus.RECEIVED, RequestStatus.TRANSCRIBING, RequestStatus.QUEUED, RequestStatus.ASSIGNED);
    private static final List<RequestStatus> ANSWERED =
            List.of(RequestStatus.ANSWERED, RequestStatus.DELIVERED, RequestStatus.DELIVERY_FAILED);

    private final Intake intake;
    private final IntakeJournal journal;
    private final JournalDrain journalDrain;
    private final Lifecycle lifecycle;
    private final Outbox outbox;
    private final Channels channels;
    private final LiveReservations reservations;
    private final PlacesInLine places;
    private final MediaStore media;
    private final NoholdConfig config;
    private final Clock clock;

    public ChannelRequests(Intake intake, IntakeJournal journal, JournalDrain journalDrain, Lifecycle lifecycle, Outbox outbox, Channels channels,
                           LiveReservations reservations, PlacesInLine places, MediaStore media, NoholdConfig config,
                           Clock clock) {
        this.intake = intake;
        this.journal = journal;
        this.journalDrain = journalDrain;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.channels = channels;
        this.reservations = reservations;
        this.places = places;
        this.media = media;
        this.config = config;
        this.clock = clock;
    }

    // --- Intake and the requests a channel's customers made

    /**
     * Takes in what a customer sent; stored before this returns (see {@link Intake}). Outside a caller's transaction
     * intake commits on its own, so two nodes taking the same provider message at once both get the one receipt.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IntakeReceipt take(InboundMessage message) {
        return intake.submit(message);
    }

    /**
     * Takes in a text the fast way, for a channel's busiest path: durable when this returns, in one statement, and
     * a request (or a part of the customer's open one) moments later; the receipt says what to tell the customer
     * (see {@link IntakeJournal}). {@code paceWindow}: the window the wait estimate's pace is measured over. Texts
     * only, with the provider's message id; never inside a caller's transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public JournalReceipt journal(InboundMessage message, Duration paceWindow) {
        return journal.write(message, paceWindow);
    }

    public Optional<ChannelRequest> find(UUID requestId) {
        return Request.<Request>findByIdOptional(requestId).map(ChannelRequests::view);
    }

    /**
     * The request a provider's message made or joined (its id as given to {@link InboundMessage#providerMessageId}):
     * a text that joined a customer's open conversation is found in that conversation.
     */
    public Optional<ChannelRequest> byProviderId(String channel, String providerMessageId) {
        Optional<Request> made = Request.<Request>find("channel = ?1 and providerMessageId = ?2", channel,
                providerMessageId).firstResultOptional();
        if (made.isPresent()) {
            return made.map(ChannelRequests::view);
        }
        return Message.byProviderId(channel, providerMessageId)
                .flatMap(joined -> Request.<Request>findByIdOptional(joined.requestId))
                .map(ChannelRequests::view);
    }

    /**
     * The customer's newest request still without an answer, on whichever channel they opened it: the same phone
     * number is one customer on SMS and voice.
     */
    public Optional<ChannelRequest> openRequestOf(String channel, String address) {
        return CustomerAddress.<CustomerAddress>find("identity", CustomerAddress.identityOf(channel, address))
                .firstResultOptional()
                .flatMap(known -> Request.<Request>find("customerId = ?1 and status in ?2 order by createdAt desc, id",
                        known.customerId, OPEN).<Request>firstResultOptional())
                .map(ChannelRequests::view);
    }

    /**
     * True while the customer is in a conversation with people: a request of theirs still without an answer, or one
     * answered so lately that their next text reopens it ({@code nohold.conversation.reopen-window}). A conversation
     * flow leaves such a customer's words to the request, so "thanks, but it still fails" reaches the agent who
     * answered rather than the bot's greeting.
     */
    public boolean inConversationWithPeople(String channel, String address) {
        Instant since = clock.instant().minus(config.conversation().reopenWindow());
        return CustomerAddress.<CustomerAddress>find("identity", CustomerAddress.identityOf(channel, address))
                .firstResultOptional()
                .map(known -> Request.count("customerId = ?1 and (status in ?2 or (status in ?3 and answeredAt >= ?4))",
                        known.customerId, OPEN, ANSWERED, since) > 0)
                .orElse(false);
    }

    /**
     * Until the caller's transaction ends, other intakes of the same customer address wait here: two quick messages
     * from one customer are handled one after the other, so they never make two requests.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdAddress(String channel, String address) {
        // What the customer sent last through the journal counts before the caller acts (STATUS right after a text):
        // taken and committed first, so it is in the line the caller reads.
        journalDrain.takeEntriesOf(CustomerAddress.identityOf(channel, address));
        AdvisoryLocks.holdUntilTransactionEnds(Request.getEntityManager(), channel + ":" + address);
    }

    /**
     * More from the customer joins their request while no agent has it yet. False, changing nothing, when the
     * request is no longer waiting or would grow beyond what intake takes (the channel then makes a new one).
     */
    public boolean addCustomerMessage(UUID requestId, String text, String detail) {
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || text == null || text.isBlank()) {
            return false;
        }
        int grown = (request.text == null ? 0 : request.text.length() + 1) + text.strip().length();
        if (grown > config.intake().maxTextLength()) {
            return false;
        }
        return lifecycle.addText(requestId, text, detail);
    }

    /**
     * Puts a fact on the request's timeline that changes nothing else (what a channel could not keep, say), for the
     * agent to read; {@code type} in capitals, as the timeline's other events.
     */
    public void note(UUID requestId, String type, String detail) {
        lifecycle.note(requestId, type, detail);
    }

    /** The customer withdrew their open request. */
    public void cancel(UUID requestId, String reason) {
        lifecycle.cancel(requestId, reason);
    }

    // --- Audio that follows intake

    /** The recording a request waited for: on to speech recognition. False when it no longer waits. */
    public boolean attachAudio(UUID requestId, byte[] audio) {
        return lifecycle.attachAudio(requestId, audio);
    }

    /** The recording cannot be had: queued with {@code text} for the agent and the reason on its timeline. */
    public boolean queueWithoutAudio(UUID requestId, String text, String reason) {
        return lifecycle.queueWithoutAudio(requestId, text, reason);
    }

    /** This channel's requests still waiting for their audio after {@code olderThan}: a fetch was interrupted. */
    public List<ChannelRequest> awaitingAudio(String channel, Duration olderThan) {
        return Request.<Request>list("channel = ?1 and status = ?2 and audioKey is null and createdAt < ?3",
                channel, RequestStatus.RECEIVED, clock.instant().minus(olderThan)).stream()
                .map(ChannelRequests::view).toList();
    }

    // --- Files that came with a message

    /**
     * Keeps a file the customer sent with their message (a mail's attachment) in the media store, on any node, and
     * notes it on the request's timeline with its name, detected type, size and key, so the agent knows it is there.
     *
     * @return the stored file's key
     */
    public String attachFile(UUID requestId, String fileName, byte[] bytes) {
        if (Request.findById(requestId) == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        MediaItem item = media.put(bytes);
        lifecycle.note(requestId, "ATTACHMENT", (fileName == null || fileName.isBlank() ? "a file" : fileName.strip())
                + " (" + item.mediaType() + ", " + item.size() + " bytes) kept as media " + item.key());
        return item.key();
    }

    // --- Where the customer stands

    /**
     * The customer's place in the dispatcher's line and the wait it means, at the pace agents took requests during
     * the last {@code window}.
     */
    public PlaceInLine placeOf(UUID requestId, Duration window) {
        Request request = Request.findById(requestId);
        if (request == null) {
            throw Refusal.notFound("No request " + requestId);
        }
        return places.of(request, window);
    }

    // --- Deliveries, as the provider reports them

    public Optional<ChannelDelivery> deliveryByProviderId(String channel, String providerId) {
        return Delivery.byProviderId(channel, providerId).map(delivery -> new ChannelDelivery(delivery.id,
                delivery.requestId, delivery.channel, delivery.providerId, delivery.attempts));
    }

    /** The provider delivered what it knows by {@code providerId}. */
    public void delivered(String channel, String providerId) {
        outbox.providerReported(channel, providerId, true, null);
    }

    /** The provider failed for good, for {@code reason} (in words an agent can act on). */
    public void failed(String channel, String providerId, String reason) {
        outbox.providerReported(channel, providerId, false, reason);
    }

    /** It did not arrive this time but may later (a callback unanswered): sent again with back-off, or given up. */
    public void retryLater(String channel, String providerId, String reason) {
        outbox.providerReportedRetryable(channel, providerId, reason);
    }

    /** The agent's recorded reply a delivery carries, for a channel that plays it. */
    public Optional<ReplyAudio> replyAudio(UUID deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId);
        Reply reply = delivery == null ? null : Reply.findById(delivery.replyId);
        if (reply == null || reply.audioKey == null) {
            return Optional.empty();
        }
        return media.load(reply.audioKey).map(bytes ->
                new ReplyAudio(bytes, reply.audioType == null ? "audio/wav" : reply.audioType));
    }

    /**
     * Sends a notice through another channel by its id (the chat link a caller asked for goes out as an SMS), so
     * that channel's rules apply (a number that texted STOP gets nothing) and no channel names another's code.
     *
     * @throws DeliveryException when that channel is not installed or will not send it
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void sendNotice(String channel, String to, String text) throws DeliveryException {
        Channel target = channels.find(channel).orElseThrow(() -> DeliveryException.permanentFailure(
                "No channel '" + channel + "' is installed on this platform"));
        target.notice(to, text);
    }

    // --- Live contact

    /**
     * Holds the longest-idle agent who can take a live contact on this channel (its {@link LiveContact} hook's needs
     * and {@code needs}), for the hook's offer time; a provider's retry with the same {@code contactKey} gets the same
     * hold. Empty when nobody can take it now, or the channel has no live-contact hook.
     */
    public Optional<LiveReservation> reserveAgentForLiveContact(String channel, String contactKey, String address,
                                                                LiveNeeds needs) {
        Optional<LiveContact> hook = channels.find(channel).flatMap(Channel::liveContact);
        if (hook.isEmpty()) {
            return Optional.empty();
        }
        LiveNeeds declared = hook.get().needs();
        LiveNeeds all = new LiveNeeds(declared.phone() || needs.phone(),
                needs.skill() != null ? needs.skill() : declared.skill());
        return reservations.reserve(channel, contactKey, address, all, hook.get().offerTime());
    }

    public Optional<LiveReservation> liveReservation(UUID reservationId) {
        return reservations.find(reservationId);
    }

    public Optional<LiveReservation> liveReservationOf(String channel, String contactKey) {
        return reservations.ofContact(channel, contactKey);
    }

    /**
     * The held agent took the contact: the request is made now from {@code message} and passes QUEUED to ASSIGNED
     * to that agent in one transaction, so no dispatcher sees it waiting. The same message again (a provider's
     * retry) finds the request already made. Empty when the hold is gone (released, expired, the agent went
     * OFFLINE) and nothing was made.
     */
    public Optional<ChannelRequest> connectedLive(UUID reservationId, InboundMessage message) {
        if (message.providerMessageId() != null) {
            Optional<ChannelRequest> earlier = byProviderId(message.channel(), message.providerMessageId());
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        Optional<Agent> agent = reservations.end(reservationId, "the live contact connected");
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        IntakeReceipt receipt = intake.submit(message);
        Request request = Request.findById(receipt.id(), LockModeType.PESSIMISTIC_WRITE);
        if (request.status == RequestStatus.QUEUED) {
            lifecycle.assign(request, agent.get());
            request.attributes.put(LIVE_AGENT, agent.get().username);
        }
        return Optional.of(view(request));
    }

    /**
     * The held agent takes a request already made (a flow handed its customer over to people): it passes from QUEUED
     * to ASSIGNED to that agent in the caller's transaction, as {@link #connectedLive(UUID, InboundMessage)} does for a
     * request it makes. Empty when the request no longer waits or the hold is gone; the hold is then given up and
     * the request stays where it is.
     */
    public Optional<ChannelRequest> connectedLive(UUID reservationId, UUID requestId) {
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status != RequestStatus.QUEUED) {
            reservations.release(reservationId, "the request was no longer waiting");
            return Optional.empty();
        }
        Optional<Agent> agent = reservations.end(reservationId, "the live contact connected");
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        lifecycle.assign(request, agent.get());
        request.attributes.put(LIVE_AGENT, agent.get().username);
        return Optional.of(view(request));
    }

    /**
     * The live conversation ended: it was the answer, so the request is answered and delivered. If the agent who
     * took it went OFFLINE meanwhile (their work went back to the queue), it is not closed in someone else's name:
     * the end of the call is noted and the request stays with whoever holds it now.
     */
    public void answeredLive(UUID requestId, String detail) {
        Request request = Request.findById(requestId);
        String liveAgent = request == null ? null : request.attributes.get(LIVE_AGENT);
        if (liveAgent != null && (request.assignedTo == null || !liveAgent.equals(request.assignedTo.username))) {
            lifecycle.note(requestId, "LIVE_CALL_ENDED", detail + "; " + liveAgent + " had left it to the queue");
            return;
        }
        lifecycle.answeredLive(requestId, detail);
    }

    /**
     * The username of the agent holding the request now (ASSIGNED to them), so a channel that lets an agent talk to
     * its customer (a live chat) lets only that agent do it.
     */
    public Optional<String> holder(UUID requestId) {
        return Request.<Request>findByIdOptional(requestId)
                .filter(request -> request.status == RequestStatus.ASSIGNED && request.assignedTo != null)
                .map(request -> request.assignedTo.username);
    }

    /** The held agent did not take the contact; nothing was made, and the agent is free for other work. */
    public boolean release(UUID reservationId, String reason) {
        return reservations.release(reservationId, reason);
    }

    private static ChannelRequest view(Request request) {
        return new ChannelRequest(request.id, request.reference, request.channel, request.from, request.text,
                request.status.name(), request.attributes == null ? Map.of()
                : Collections.unmodifiableMap(new HashMap<>(request.attributes)));
    }
}
