package dev.nohold.core.events;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * and written together as it commits: one statement for all of them, where writing each at once cost a
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
            select id, pg_notify('%s', id::text) from event order by id""".formatted(CHANNEL);

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final TransactionManager transactionManager;
    private final PublishedHere publishedHere;

    public LiveEvents(DataSource dataSource, TransactionSynchronizationRegistry transactions,
                      TransactionManager transactionManager, PublishedHere publishedHere) {
        this.publishedHere = publishedHere;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.transactionManager = transactionManager;
    }

    /** A request's event, with its status after the change and the agent holding it. */
    public void request(Request request, String type, String detail, Instant at) {
        Agent agent = request.assignedTo;
        publish(new Pending(at, type, request.id, request.reference,
                request.status == null ? null : request.status.name(), agent == null ? null : agent.id,
                agent == null ? null : agent.username, detail));
    }

    /** A request's event, for a request held by no agent, from its fields (a request written without an entity). */
    public void request(UUID requestId, String reference, String status, String type, String detail, Instant at) {
        publish(new Pending(at, type, requestId, reference, status, null, null, detail));
    }

    /** An event about no request, such as a channel's signal about a customer who has no request yet. */
    public void other(String type, String detail, Instant at) {
        publish(new Pending(at, type, null, null, null, null, null, detail));
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
            // Before the ORM's own flush (which is interposed, so it comes after this one): the same transaction's
            // connection, and a failure rolls everything back.
            register(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(gathered);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = gathered;
        }
        pending.add(event);
    }

    private void register(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("The transaction can take no more work: " + e.getMessage(), e);
        }
    }

    /**
     * Over the transaction's own connection: the pool hands the connection enlisted in this transaction to whoever
     * asks within it, and closing the handle gives it back to the transaction, not to the pool.
     */
    private void write(List<Pending> events) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(PUBLISH)) {
            insert.setArray(1, texts(connection, events, event -> event.at().toString()));
            insert.setArray(2, texts(connection, events, Pending::type));
            insert.setArray(3, texts(connection, events, event -> text(event.requestId())));
            insert.setArray(4, texts(connection, events, Pending::reference));
            insert.setArray(5, texts(connection, events, Pending::status));
            insert.setArray(6, texts(connection, events, event -> text(event.agentId())));
            insert.setArray(7, texts(connection, events, Pending::agent));
            insert.setArray(8, texts(connection, events, Pending::detail));
            try (ResultSet written = insert.executeQuery()) {
                while (written.next()) {
                    publishedHere.add(written.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The live events could not be written: " + e.getMessage(), e);
        }
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
