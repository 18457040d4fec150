package dev.nohold.core.channel;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.AgentWentOffline;
import dev.nohold.core.request.WorkAvailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds an idle agent's capacity for a live contact before any request exists. The hold counts as one open
 * assignment, so the dispatcher gives the agent nothing else while their phone rings; it ends when the contact
 * connects (and becomes the agent's request), is released, the agent goes OFFLINE, or it expires. No request is
 * made for a contact that never connected, so there is nothing empty to hand to the next agent.
 *
 * <p>Locks are taken agent first, then the hold, as the dispatcher and the lifecycle lock an agent before a request.
 */
@ApplicationScoped
@Transactional
public class LiveReservations {

    private static final Logger LOG = Logger.getLogger(LiveReservations.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<WorkAvailable> workAvailable;

    public LiveReservations(EntityManager entityManager, Clock clock, Event<WorkAvailable> workAvailable) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.workAvailable = workAvailable;
    }

    /** The longest-idle agent who meets the needs, held until {@code offerTime} from now; empty when none is idle. */
    public Optional<LiveReservation> reserve(String channel, String contactKey, String address, LiveNeeds needs,
                                             Duration offerTime) {
        Optional<AgentHold> earlier = AgentHold.find("channel = ?1 and contactKey = ?2", channel, contactKey)
                .firstResultOptional();
        if (earlier.isPresent()) {
            return Optional.of(view(earlier.get(), Agent.findById(earlier.get().agentId)));
        }
        Optional<Agent> idle = lockIdleAgent(needs);
        if (idle.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = idle.get();
        Instant now = clock.instant();
        AgentHold hold = new AgentHold();
        hold.id = UUID.randomUUID();
        hold.agentId = agent.id;
        hold.channel = channel;
        hold.contactKey = contactKey;
        hold.address = address;
        hold.createdAt = now;
        hold.expiresAt = now.plus(offerTime);
        hold.persist();
        agent.openAssignments++;
        LOG.infof("Agent %s held for a live %s contact until %s", agent.username, channel, hold.expiresAt);
        return Optional.of(view(hold, agent));
    }

    public Optional<LiveReservation> find(UUID id) {
        return AgentHold.<AgentHold>findByIdOptional(id).map(hold -> view(hold, Agent.findById(hold.agentId)));
    }

    public Optional<LiveReservation> ofContact(String channel, String contactKey) {
        return AgentHold.<AgentHold>find("channel = ?1 and contactKey = ?2", channel, contactKey)
                .firstResultOptional().map(hold -> view(hold, Agent.findById(hold.agentId)));
    }

    /**
     * Ends the hold and gives its capacity back, with the agent locked; returns the agent, or empty when the hold
     * was already gone (released, expired, or connected by another node).
     */
    Optional<Agent> end(UUID id, String reason) {
        Optional<AgentHold> unlocked = AgentHold.findByIdOptional(id);
        if (unlocked.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = Agent.findById(unlocked.get().agentId, LockModeType.PESSIMISTIC_WRITE);
        AgentHold hold = AgentHold.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            return Optional.empty();
        }
        hold.delete();
        agent.openAssignments = Math.max(0, agent.openAssignments - 1);
        LOG.infof("Hold of agent %s for a live %s contact ended: %s", agent.username, hold.channel, reason);
        return Optional.of(agent);
    }

    /** The agent did not take the contact: their capacity is free again, and the dispatcher may use it. */
    public boolean release(UUID id, String reason) {
        Optional<Agent> agent = end(id, reason);
        agent.ifPresent(a -> workAvailable.fire(new WorkAvailable("agent " + a.username + " released from a live contact")));
        return agent.isPresent();
    }

    /** Holds past their time: a node that died mid-ring, or a provider that never reported the end. */
    public int releaseExpired() {
        List<UUID> expired = AgentHold.<AgentHold>list("expiresAt < ?1", clock.instant()).stream()
                .map(hold -> hold.id).toList();
        int released = 0;
        for (UUID id : expired) {
            if (release(id, "the hold expired")) {
                released++;
            }
        }
        return released;
    }

    /** An agent going OFFLINE is not rung any longer: their holds end with them (the agent row is already locked). */
    void onAgentOffline(@Observes AgentWentOffline event) {
        for (AgentHold hold : AgentHold.<AgentHold>list("agentId", event.agentId())) {
            end(hold.id, "agent " + event.username() + " went offline");
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Agent> lockIdleAgent(LiveNeeds needs) {
        StringBuilder sql = new StringBuilder("select * from agent where presence = 'AVAILABLE'"
                + " and open_assignments < capacity");
        if (needs.phone()) {
            sql.append(" and phone is not null and phone <> ''");
        }
        if (needs.skill() != null) {
            sql.append(" and skills @> jsonb_build_array(cast(:skill as text))");
        }
        sql.append(" order by idle_since, id limit 1 for update skip locked");
        var query = entityManager.createNativeQuery(sql.toString(), Agent.class);
        if (needs.skill() != null) {
            query.setParameter("skill", needs.skill());
        }
        List<Agent> found = query.getResultList();
        return found.stream().findFirst();
    }

    private static LiveReservation view(AgentHold hold, Agent agent) {
        return new LiveReservation(hold.id, hold.channel, hold.contactKey, hold.address, agent.displayName,
                agent.phone == null ? null : agent.phone.strip(), hold.expiresAt);
    }
}
