package dev.nohold.core.agent;

import dev.nohold.core.Refusal;
import dev.nohold.core.events.LiveEvents;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.WorkAvailable;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An admin's care of existing accounts: edit, disable and enable, set or generate a password. A disabled account
 * cannot log in (HTTP Basic or the login page), its browser sessions end at once, and its open work goes back to the
 * queue, first in line; it stays in the database, since replies and timelines name it.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final LiveEvents liveEvents;
    private final Event<WorkAvailable> workAvailable;
    private final Event<AgentWentOffline> wentOffline;
    private final Event<AgentDisabled> disabled;

    public Accounts(Clock clock, Lifecycle lifecycle, LiveEvents liveEvents, Event<WorkAvailable> workAvailable,
                    Event<AgentWentOffline> wentOffline, Event<AgentDisabled> disabled) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.liveEvents = liveEvents;
        this.workAvailable = workAvailable;
        this.wentOffline = wentOffline;
        this.disabled = disabled;
    }

    /** Changes what is given; more skills or capacity may let the agent take waiting work at once. */
    public Agent edit(String username, AccountChanges changes, String admin) {
        Agent agent = locked(username);
        if (changes.displayName() != null) {
            agent.displayName = changes.displayName().isBlank() ? agent.username : changes.displayName().strip();
        }
        if (changes.phone() != null) {
            agent.phone = changes.phone().isBlank() ? null : changes.phone().strip();
        }
        if (changes.skills() != null) {
            agent.skills = new ArrayList<>(changes.skills().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).distinct().toList());
        }
        if (changes.languages() != null) {
            agent.languages = new ArrayList<>(changes.languages().stream()
                    .map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty()).distinct().toList());
        }
        if (changes.roles() != null) {
            String roles = roles(changes.roles());
            if (agent.username.equals(admin) && !List.of(roles.split(",")).contains(Role.ADMIN_NAME)) {
                throw Refusal.conflict("You cannot take the admin role from yourself; ask another admin");
            }
            agent.roles = roles;
        }
        if (changes.capacity() != null) {
            agent.capacity = changes.capacity();
        }
        workAvailable.fire(new WorkAvailable("agent " + username + " edited"));
        return agent;
    }

    /** The account can no longer log in; its sessions end and its unanswered work returns to the queue. */
    public Agent disable(String username, String admin) {
        if (username.equals(admin)) {
            throw Refusal.conflict("You cannot disable your own account; ask another admin");
        }
        Agent agent = locked(username);
        if (agent.disabled) {
            return agent;
        }
        agent.disabled = true;
        Instant now = clock.instant();
        lifecycle.requeueAssignmentsOf(agent, "agent " + username + " was disabled by " + admin);
        if (agent.presence != Presence.OFFLINE) {
            agent.presence = Presence.OFFLINE;
            agent.presenceSince = now;
            wentOffline.fire(new AgentWentOffline(agent.id, username));
            liveEvents.presence(agent, now);
        }
        disabled.fire(new AgentDisabled(username));
        return agent;
    }

    /** The account may log in again, OFFLINE until the agent says otherwise. */
    public Agent enable(String username) {
        Agent agent = locked(username);
        agent.disabled = false;
        return agent;
    }

    /**
     * Sets the password the admin chose, or generates one (returned once, never stored but as its hash). The
     * account's other browser sessions end, so whoever knew the old password is logged out.
     */
    public String resetPassword(String username, String chosen, String admin) {
        Agent agent = locked(username);
        String password = chosen == null || chosen.isEmpty() ? generated() : chosen;
        if (password.length() < 8 || password.length() > 72) {
            throw Refusal.badInput("password must be 8 to 72 characters");
        }
        agent.passwordHash = BcryptUtil.bcryptHash(password);
        if (!username.equals(admin)) {
            disabled.fire(new AgentDisabled(username));
        }
        return chosen == null || chosen.isEmpty() ? password : null;
    }

    private String generated() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    static String roles(List<String> names) {
        if (names.isEmpty()) {
            throw Refusal.badInput("An agent needs at least one role: agent, supervisor or admin");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : names) {
            try {
                roles.add(Role.parse(role).roleName());
            } catch (IllegalArgumentException e) {
                throw Refusal.badInput(e.getMessage());
            }
        }
        return String.join(",", roles);
    }

    private static Agent locked(String username) {
        return Agent.find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Agent>firstResultOptional()
                .orElseThrow(() -> Refusal.notFound("No agent " + username));
    }
}
