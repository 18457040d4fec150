package dev.nohold.core.events;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.config.NoholdConfig;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live event streams open on this node (browsers' {@code GET /api/events}): each gets the events its audience
 * may see, first those it missed since its {@code Last-Event-ID}, then every one this node hears.
 *
 * <p>Ids are taken at insert, while streams hear events in commit order; so a stream may send id 11 before id 10,
 * whose transaction committed a moment later, and a client that disconnects in that moment and resumes from 11
 * misses 10. The window is one transaction's commit; closing it would mean ordering every change's commit.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);

    /** More missed events than this and the client is told to reload instead. */
    static final int MAX_REPLAY = 1_000;

    /** Sent instead of a replay that is too long or reaches past the retention: the client reloads its views. */
    public static final String RESYNC = "RESYNC";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration heartbeat;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

    public LiveFeed(DataSource dataSource, Clock clock, NoholdConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.heartbeat = config.events().heartbeat();
    }

    /** Who the caller is for the feed; an unknown account sees nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Audience audience(String username) {
        Agent agent = Agent.findByUsername(username)
                .orElseThrow(() -> Refusal.forbidden("Unknown agent " + username));
        return new Audience(agent.id, agent.username, agent.seesAllRequests());
    }

    /**
     * The audience's events: those after {@code lastEventId} (when given), then live ones. The stream is registered
     * before this returns, so every event this node hears from then on reaches it.
     */
    public Multi<LiveEvent> follow(Audience audience, OptionalLong lastEventId) {
        Follower follower = new Follower(audience);
        followers.add(follower);
        try {
            follower.caughtUp(lastEventId.isPresent() ? missed(audience, lastEventId.getAsLong()) : List.of());
        } catch (SQLException | RuntimeException e) {
            followers.remove(follower);
            throw new IllegalStateException("Could not read the missed live events: " + e.getMessage(), e);
        }
        return follower.stream().onTermination().invoke(() -> followers.remove(follower));
    }

    /**
     * Ticks at the heartbeat interval, the first at once, keeping the agent's {@code last_seen_at} fresh while
     * their stream is open.
     */
    public Multi<Instant> heartbeats(Audience audience) {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(heartbeat)
                .map(tick -> {
                    Instant now = clock.instant();
                    markSeen(audience, now);
                    return now;
                });
    }

    /** How many streams are open on this node. */
    public int open() {
        return followers.size();
    }

    void heard(@Observes LiveEvent event) {
        for (Follower follower : followers) {
            follower.heard(event);
        }
    }

    private List<LiveEvent> missed(Audience audience, long lastEventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            OptionalLong oldest = LiveEventLog.oldestId(connection);
            boolean beyondRetention = oldest.isPresent() && lastEventId < oldest.getAsLong() - 1;
            List<LiveEvent> missed = beyondRetention ? List.of()
                    : LiveEventLog.after(connection, lastEventId, audience, MAX_REPLAY + 1);
            if (beyondRetention || missed.size() > MAX_REPLAY) {
                return List.of(resync(LiveEventLog.latestId(connection),
                        beyondRetention ? "events since " + lastEventId + " are no longer kept"
                                : "more than " + MAX_REPLAY + " events were missed"));
            }
            return missed;
        }
    }

    private LiveEvent resync(long latestId, String why) {
        return new LiveEvent(latestId, clock.instant(), RESYNC, null, null, null, null, null, why);
    }

    private void markSeen(Audience audience, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update agent set last_seen_at = ? where id = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setObject(2, audience.agentId(), Types.OTHER);
            update.executeUpdate();
        } catch (SQLException e) {
            // The stream stays open through a short outage; the next heartbeat tries again.
            LOG.debugf("Could not mark %s as seen: %s", audience.username(), e.getMessage());
        }
    }
}
