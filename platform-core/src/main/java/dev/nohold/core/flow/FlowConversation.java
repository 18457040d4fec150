package dev.nohold.core.flow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's conversation with a flow as stored after every step: the flow and version it runs, where it stands,
 * what it collected, and when the quiet-customer timer is due. Any node continues it from here.
 */
@Entity
@Table(name = "flow_conversation")
public class FlowConversation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "flow_version")
    public int flowVersion;

    public String channel;

    public String address;

    @Column(name = "entry_point")
    public String entryPoint;

    public String step;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> collected = new HashMap<>();

    public int attempts;

    /** The rest of the state: the phase waited in, the transcript, notes for the agent. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Detail detail;

    @Column(name = "last_activity")
    public Instant lastActivity;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    /** Null while open; then an {@link Outcome#key()}. */
    public String outcome;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The stored part of the state that has no column of its own. */
    public record Detail(String phase, List<ConversationState.Line> transcript, List<String> notes) {
    }

    public static Optional<FlowConversation> openOf(String channel, String address) {
        return find("channel = ?1 and address = ?2 and outcome is null", channel, address).firstResultOptional();
    }

    ConversationState state() {
        Detail stored = detail == null ? new Detail(null, List.of(), List.of()) : detail;
        return new ConversationState(step, stored.phase(), collected, attempts, stored.transcript(), stored.notes(),
                Outcome.of(outcome));
    }

    void keep(ConversationState state, Instant now) {
        step = state.step();
        collected = new HashMap<>(state.collected());
        attempts = state.attempts();
        detail = new Detail(state.phase(), state.transcript(), state.notes());
        lastActivity = now;
        outcome = state.outcome().finished() ? state.outcome().key() : null;
    }
}
