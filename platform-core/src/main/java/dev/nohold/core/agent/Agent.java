package dev.nohold.core.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person who answers requests (and, by role, supervises or administers); also the login account. */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String username;

    /** bcrypt, in Modular Crypt Format. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "display_name")
    public String displayName;

    /** Where live calls are connected (E.164). */
    public String phone;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills = new ArrayList<>();

    /** The languages the agent answers in (lower-case tags, like "en", "fr"); empty: any language. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages = new ArrayList<>();

    /** Comma-separated role names. */
    public String roles;

    /** How many open requests the agent holds at once. */
    public int capacity = 1;

    @Column(name = "open_assignments")
    public int openAssignments;

    @Enumerated(EnumType.STRING)
    public Presence presence = Presence.OFFLINE;

    @Column(name = "presence_since")
    public Instant presenceSince;

    /** Since when the agent has waited for work: the longest idle agent is served first. */
    @Column(name = "idle_since")
    public Instant idleSince;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A disabled account cannot log in and receives no work; it is kept for the replies and timelines naming it. */
    public boolean disabled;

    public static Optional<Agent> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<String> roleNames() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    public boolean hasRole(Role role) {
        return roleNames().contains(role.roleName());
    }

    /** Supervisors and admins see every request; agents only their own. */
    public boolean seesAllRequests() {
        return hasRole(Role.SUPERVISOR) || hasRole(Role.ADMIN);
    }
}
