package dev.nohold.core.events;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Publishes changes to every node: a {@code live_event} row and its {@code pg_notify} in the caller's transaction.
 * PostgreSQL delivers a notification only when that transaction commits, so a rolled-back change is never heard
 * of, and a committed one always is (each node's {@link LiveEventListener} also reads the rows it missed).
 *
 * <p>A transaction's events are gathered as they happen (each with the request's status and holder at that moment)
 * and written together just before it commits: one statement for all of them, where writing each at once cost a
 * round trip apiece on the intake path. Their ids are taken just before the commit, too, so they come close to
 * commit order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LiveEvents {

    /** The PostgreSQL notification channel; the payload is the event's id. */
    public static final String CHANNEL = "nohold_events";

    // One round trip for all of a transaction's events: the rows and their notifications, in the order they happened.
    private static final String PUBLISH = """
            with event as (
                insert into live_event (at, type, request_id, reference, status, agent_id, agent, detail)
                select at::timestamptz, type, request_id::uuid, reference, status, agent_id::uuid, agent, detail
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       with ordinality as e(at, type, request_id, reference, status, agent_id, agent, detail, n)
                 order by n
                returning id)
            select pg_notify('%s', id::text) from event order by id""".formatted(CHANNEL);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public LiveEvents(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** A request's event, with its status after the change and the agent holding it. */
    public void request(Request request, String type, String detail, Instant at) {
        Agent agent = request.assignedTo;
        publish(new Pending(at, type, request.id, request.reference,
                request.status == null ? null : request.status.name(), agent == null ? null : agent.id,
                agent == null ? null : agent.username, detail));
    }

    /** An agent's new presence. */
    public void presence(Agent agent, Instant at) {
        publish(new Pending(at, LiveEvent.PRESENCE, null, null, agent.presence.name(), agent.id, agent.username, null));
    }

    @SuppressWarnings("unchecked")
    private void publish(Pending event) {
        List<Pending> pending = (List<Pending>) transactions.getResource(LiveEvents.class);
        if (pending == null) {
            List<Pending> gathered = new ArrayList<>();
            transactions.putResource(LiveEvents.class, gathered);
            // The transaction's own session, taken now: at completion the injected proxy may no longer find it.
            Session session = entityManager.unwrap(Session.class);
            // Interposed: runs after the ORM's flush, on the same connection, and a failure rolls everything back.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(session, gathered);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = gathered;
        }
        pending.add(event);
    }

    private static void write(Session session, List<Pending> events) {
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(PUBLISH)) {
                insert.setArray(1, texts(connection, events, event -> event.at().toString()));
                insert.setArray(2, texts(connection, events, Pending::type));
                insert.setArray(3, texts(connection, events, event -> text(event.requestId())));
                insert.setArray(4, texts(connection, events, Pending::reference));
                insert.setArray(5, texts(connection, events, Pending::status));
                insert.setArray(6, texts(connection, events, event -> text(event.agentId())));
                insert.setArray(7, texts(connection, events, Pending::agent));
                insert.setArray(8, texts(connection, events, Pending::detail));
                insert.execute();
            }
        });
    }

    private static java.sql.Array texts(Connection connection, List<Pending> events, Function<Pending, String> field)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(field).toArray(String[]::new));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** An event as it was when it happened, waiting for its transaction's commit. */
    private record Pending(Instant at, String type, UUID requestId, String reference, String status, UUID agentId,
                          String agent, String detail) {
    }
}
