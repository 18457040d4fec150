package dev.nohold.core.channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The row behind a {@link LiveReservation}: one agent's capacity held for one live contact until it connects, is
 * released, or expires. The core's own: channels see the {@link LiveReservation} record only.
 */
@Entity
@Table(name = "live_reservation")
public class AgentHold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id")
    public UUID agentId;

    public String channel;

    /** The channel's key for the contact (a CallSid): a provider's retry finds the same hold. */
    @Column(name = "contact_key")
    public String contactKey;

    /** The customer's address, for the request made if the contact connects. */
    public String address;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
