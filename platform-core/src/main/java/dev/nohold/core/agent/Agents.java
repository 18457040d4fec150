package dev.nohold.core.agent;

import dev.nohold.core.Refusal;
import dev.nohold.core.events.LiveEvents;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.WorkAvailable;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Agent accounts and their presence. */
@ApplicationScoped
@Transactional
public class Agents {

    private final Clock clock;
    private final Lifecycle lifecycle;
    private final Event<WorkAvailable> workAvailable;
    // A field, not a constructor argument, to keep this hook apart from the constructor other changes touch.
    @Inject
    LiveEvents liveEvents;
    private final Event<AgentWentOffline> wentOffline;

    public Agents(Clock clock, Lifecycle lifecycle, Event<WorkAvailable> workAvailable,
                  Event<AgentWentOffline> wentOffline) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.workAvailable = workAvailable;
        this.wentOffline = wentOffline;
    }

    public Agent create(AccountDraft input) {
        if (Agent.findByUsername(input.username()).isPresent()) {
            throw Refusal.conflict("An agent named '" + input.username() + "' already exists");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : input.roles() == null || input.roles().isEmpty() ? List.of(Role.AGENT_NAME) : input.roles()) {
            try {
                roles.add(Role.parse(role).roleName());
            } catch (IllegalArgumentException e) {
                throw Refusal.badInput(e.getMessage());
            }
        }
        Instant now = clock.instant();
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.username = input.username();
        agent.passwordHash = BcryptUtil.bcryptHash(input.password());
        agent.displayName = input.displayName() == null || input.displayName().isBlank()
                ? input.username() : input.displayName().strip();
        agent.phone = input.phone();
        agent.skills = input.skills() == null ? new ArrayList<>()
                : new ArrayList<>(input.skills().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().toList());
        agent.languages = input.languages() == null ? new ArrayList<>() : new ArrayList<>(input.languages().stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList());
        agent.roles = String.join(",", roles);
        agent.capacity = input.capacity() == null ? 1 : input.capacity();
        agent.presence = Presence.OFFLINE;
        agent.presenceSince = now;
        agent.idleSince = now;
        agent.createdAt = now;
        agent.persist();
        return agent;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agent profile(String username) {
        return existing(username);
    }

    /** Changes presence; an agent going OFFLINE hands their unanswered requests back to the queue, first in line. */
    public Agent changePresence(String username, String status) {
        Presence presence;
        try {
            presence = Presence.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.badInput("Unknown presence '" + status + "': use AVAILABLE, AWAY or OFFLINE");
        }
        Agent agent = Agent.find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Agent>firstResultOptional()
                .orElseThrow(() -> Refusal.notFound("No agent " + username));
        if (agent.presence != presence) {
            Instant now = clock.instant();
            agent.presence = presence;
            agent.presenceSince = now;
            if (presence == Presence.AVAILABLE) {
                agent.idleSince = now;
                workAvailable.fire(new WorkAvailable("agent " + username + " available"));
            } else if (presence == Presence.OFFLINE) {
                lifecycle.requeueAssignmentsOf(agent, "agent " + username + " went offline before answering");
                wentOffline.fire(new AgentWentOffline(agent.id, username));
            }
            liveEvents.presence(agent, now);
        }
        return agent;
    }

    private static Agent existing(String username) {
        return Agent.findByUsername(username).orElseThrow(() -> Refusal.notFound("No agent " + username));
    }
}
