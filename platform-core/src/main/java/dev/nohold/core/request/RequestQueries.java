package dev.nohold.core.request;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.channel.Channels;
import dev.nohold.core.channel.JournalDrain;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.media.MediaItem;
import dev.nohold.core.media.MediaStore;
import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What agents and supervisors may read about requests. Supervisors and admins see every request; an agent sees
 * only the requests assigned to them or answered by them, and anything else is "not found" to them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestQueries {

    public static final int MAX_PAGE_SIZE = 500;

    private final MediaStore media;
    private final Clock clock;
    private final Channels channels;
    private final QueueStatistics statistics;
    private final JournalDrain journal;

    public RequestQueries(MediaStore media, Clock clock, Channels channels, QueueStatistics statistics,
                          JournalDrain journal) {
        this.journal = journal;
        this.media = media;
        this.clock = clock;
        this.channels = channels;
        this.statistics = statistics;
    }

    /** One page of requests, newest first; filters by status and channel when given. */
    public RequestPage search(String username, String status, String channel, int page, int size) {
        return search(username, RequestSearch.byStatusAndChannel(status, channel), page, size);
    }

    /**
     * One page of the requests the caller may see that match, newest first (ties by id), and how many match in all.
     * Words go through PostgreSQL's full-text search on the request's {@code search_words} (see V11 for why
     * 'english'), so "refunds" finds "refund".
     */
    @SuppressWarnings("unchecked")
    public RequestPage search(String username, RequestSearch criteria, int page, int size) {
        journal.settle();
        if (page < 0) {
            throw Refusal.badInput("page starts at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.badInput("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        Agent caller = caller(username);
        StringBuilder where = new StringBuilder(" from customer_request r where true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (present(criteria.words())) {
            where.append(" and (r.search_words @@ websearch_to_tsquery('english', :words)"
                    + " or r.reference = upper(:words))");
            parameters.put("words", criteria.words().strip());
        }
        if (present(criteria.status())) {
            where.append(" and r.status = :status");
            parameters.put("status", parseStatus(criteria.status()).name());
        }
        if (present(criteria.channel())) {
            where.append(" and r.channel = :channel");
            parameters.put("channel", criteria.channel().strip());
        }
        if (present(criteria.customer())) {
            Optional<UUID> customerId = uuid(criteria.customer());
            if (customerId.isPresent()) {
                where.append(" and r.customer_id = :customer");
                parameters.put("customer", customerId.get());
            } else {
                where.append(" and r.customer_id in (select a.customer_id from customer_address a"
                        + " where a.address ilike :customer escape '\\')");
                parameters.put("customer", "%" + criteria.customer().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
            }
        }
        if (present(criteria.from())) {
            where.append(" and r.created_at >= :from");
            parameters.put("from", SearchDates.start(criteria.from(), "from"));
        }
        if (present(criteria.to())) {
            where.append(" and r.created_at < :to");
            parameters.put("to", SearchDates.end(criteria.to(), "to"));
        }
        if (!caller.seesAllRequests()) {
            where.append(" and (r.assigned_agent_id = :me"
                    + " or exists (select 1 from reply p where p.request_id = r.id and p.agent_id = :me))");
            parameters.put("me", caller.id);
        }
        var entityManager = Request.getEntityManager();
        var rows = entityManager.createNativeQuery("select r.*" + where + " order by r.created_at desc, r.id"
                + " limit :size offset :offset", Request.class);
        var count = entityManager.createNativeQuery("select count(*)" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Request> items = rows.setParameter("size", size).setParameter("offset", (long) page * size)
                .getResultList();
        return new RequestPage(items, (Long) count.getSingleResult());
    }

    /** The caller's assigned, not yet answered requests, longest waiting first. */
    public List<Request> assignedTo(String username) {
        journal.settle();
        Agent caller = caller(username);
        return Request.list("from Request r join fetch r.assignedTo where r.assignedTo = ?1 and r.status = ?2"
                + " order by r.assignedAt, r.id", caller, RequestStatus.ASSIGNED);
    }

    /**
     * One request with its replies, deliveries, timeline and conversation, and its customer's other requests, if the
     * caller may see it.
     */
    public RequestDetails view(String username, UUID id) {
        journal.settle();
        Request request = visible(username, id);
        List<Request> earlier = CustomerHistory.requestsOf(request.customerId).stream()
                .filter(other -> !other.id.equals(id)).toList();
        List<CustomerAddress> reachable = request.customerId == null ? List.of()
                : CustomerAddress.of(request.customerId).stream()
                .filter(address -> channels.find(address.channel).isPresent()).toList();
        return new RequestDetails(request, Reply.ofRequest(id), Delivery.ofRequest(id), RequestEvent.timeline(id),
                Message.conversation(id), earlier, reachable);
    }

    /** The customer's original recording: what is stored, named after the request's reference. */
    public StoredMedia audio(String username, UUID id) {
        Request request = visible(username, id);
        if (request.audioKey == null) {
            throw Refusal.notFound("Request " + request.reference + " has no recording");
        }
        MediaItem item = media.find(request.audioKey)
                .orElseThrow(() -> Refusal.notFound("The recording of request " + request.reference + " is missing"));
        return new StoredMedia(item, request.reference);
    }

    /** An agent's recorded reply. */
    public StoredMedia replyAudio(String username, UUID requestId, UUID replyId) {
        Request request = visible(username, requestId);
        Reply reply = Reply.findById(replyId);
        if (reply == null || !reply.requestId.equals(requestId) || reply.audioKey == null) {
            throw Refusal.notFound("No recorded reply " + replyId);
        }
        MediaItem item = media.find(reply.audioKey).orElseThrow(() -> Refusal.notFound("The recording is missing"));
        return new StoredMedia(item, request.reference + "-reply");
    }

    /** The queue at a glance, with every figure of the supervisors' view. */
    public QueueFigures supervision() {
        return statistics.around(queue());
    }

    public QueueFigures queue() {
        journal.settle();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status.name(), 0L);
        }
        Request.getEntityManager()
                .createQuery("select status, count(*) from Request group by status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(((RequestStatus) row[0]).name(), (Long) row[1]));
        Map<String, Long> agents = new LinkedHashMap<>();
        for (Presence presence : Presence.values()) {
            agents.put(presence.name(), 0L);
        }
        Agent.getEntityManager()
                .createQuery("select presence, count(*) from Agent group by presence", Object[].class)
                .getResultList()
                .forEach(row -> agents.put(((Presence) row[0]).name(), (Long) row[1]));
        Instant oldest = Request.getEntityManager()
                .createQuery("select min(queuedAt) from Request where status = :queued", Instant.class)
                .setParameter("queued", RequestStatus.QUEUED)
                .getSingleResult();
        long oldestWait = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        return new QueueFigures(counts, oldestWait, agents);
    }

    private Request visible(String username, UUID id) {
        Agent caller = caller(username);
        Request request = Request.findById(id);
        if (request == null || !caller.seesAllRequests() && !isMine(request, caller)) {
            throw Refusal.notFound("No request " + id + " that you may see");
        }
        return request;
    }

    private static boolean isMine(Request request, Agent caller) {
        return request.assignedTo != null && request.assignedTo.id.equals(caller.id)
                || Reply.count("requestId = ?1 and by.id = ?2", request.id, caller.id) > 0;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Agent caller(String username) {
        return Agent.findByUsername(username).orElseThrow(() -> Refusal.forbidden("No agent account " + username));
    }

    private static RequestStatus parseStatus(String status) {
        try {
            return RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.badInput("Unknown status '" + status + "'; use one of "
                    + List.of(RequestStatus.values()));
        }
    }

    /** An item of the media store, with the name (no extension) it is offered under. */
    public record StoredMedia(MediaItem item, String name) {
    }
}
