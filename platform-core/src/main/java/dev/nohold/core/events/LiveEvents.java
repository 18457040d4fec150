package dev.nohold.core.events;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Publishes changes to every node: a {@code live_event} row and its {@code pg_notify} in the caller's transaction.
 * PostgreSQL delivers a notification only when that transaction commits, so a rolled-back change is never heard
 * of, and a committed one always is (each node's {@link LiveEventListener} also reads the rows it missed).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LiveEvents {

    /** The PostgreSQL notification channel; the payload is the event's id. */
    public static final String CHANNEL = "nohold_events";

    // One round trip: the insert and its notification.
    private static final String PUBLISH = """
            with event as (
                insert into live_event (at, type, request_id, reference, status, agent_id, agent, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                returning id)
            select id, pg_notify('%s', id::text) from event""".formatted(CHANNEL);

    private final EntityManager entityManager;

    public LiveEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A request's event, with its status after the change and the agent holding it. */
    public long request(Request request, String type, String detail, Instant at) {
        Agent agent = request.assignedTo;
        return publish(at, type, request.id, request.reference, request.status == null ? null : request.status.name(),
                agent == null ? null : agent.id, agent == null ? null : agent.username, detail);
    }

    /** An agent's new presence. */
    public long presence(Agent agent, Instant at) {
        return publish(at, LiveEvent.PRESENCE, null, null, agent.presence.name(), agent.id, agent.username, null);
    }

    private long publish(Instant at, String type, UUID requestId, String reference, String status, UUID agentId,
                         String agent, String detail) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(PUBLISH)) {
                insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(2, type);
                insert.setObject(3, requestId, Types.OTHER);
                insert.setString(4, reference);
                insert.setString(5, status);
                insert.setObject(6, agentId, Types.OTHER);
                insert.setString(7, agent);
                insert.setString(8, detail);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
