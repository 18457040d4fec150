package dev.nohold.core.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing: after too many failed logins for one username, or from one address, within the window,
 * further attempts are refused until the oldest of them ages out. Counted in the shared database, so it holds
 * across nodes; covers the login page and HTTP Basic alike.
 */
@ApplicationScoped
@Transactional
public class FailedLogins {

    private static final int MAX_USERNAME = 200;

    private final Clock clock;
    private final SessionConfig.FailedLogins config;

    public FailedLogins(Clock clock, SessionConfig config) {
        this.clock = clock;
        this.config = config.failedLogins();
    }

    /**
     * Refuses (an authentication failure caused by {@link LoginsSuspended}) when this username or address is over its limit.
     *
     * @return whether the username has recent failures (worth forgetting once the right password comes)
     */
    public boolean check(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(config.window());
        Optional<Instant> until = latest(suspendedUntil("username", stored(username), config.perUsername(), since),
                suspendedUntil("address", address, config.perAddress(), since));
        if (until.isPresent() && until.get().isAfter(now)) {
            throw new LoginsSuspended(Duration.between(now, until.get())).asAuthenticationFailure();
        }
        return LoginFailure.count("username = ?1 and failedAt > ?2", stored(username), since) > 0;
    }

    /** Kept in its own transaction: the login it belongs to fails, and the count must still grow. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String username, String address) {
        Instant now = clock.instant();
        LoginFailure.delete("failedAt <= ?1", now.minus(config.window()));
        LoginFailure failure = new LoginFailure();
        failure.username = stored(username);
        failure.address = address;
        failure.failedAt = now;
        failure.persist();
    }

    /** The right password ends the username's count (the address keeps its own). */
    public void forget(String username) {
        LoginFailure.delete("username", stored(username));
    }

    /** When the limit-th most recent failure in the window ages out, if there are that many. */
    private Optional<Instant> suspendedUntil(String field, String value, int limit, Instant since) {
        return LoginFailure.<LoginFailure>find(field + " = ?1 and failedAt > ?2 order by failedAt desc", value, since)
                .range(limit - 1, limit - 1).list().stream().findFirst()
                .map(failure -> failure.failedAt.plus(config.window()));
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    private static String stored(String username) {
        return username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
    }
}
