package dev.nohold.core.session;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.AgentDisabled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opens, finds and ends browser sessions. A session is a row in the shared database referenced by a random token in
 * the browser's cookie, so any node honours it and a logout on one node ends it on all.
 */
@ApplicationScoped
@Transactional
public class BrowserSessions {

    /** Use is written at most this often, so a busy inbox does not update its row on every call. */
    static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SessionConfig config;

    public BrowserSessions(Clock clock, SessionConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** A new session for an account that has just proven its password: a new token at every login. */
    public OpenedSession open(String username) {
        Instant now = clock.instant();
        BrowserSession.delete("lastSeenAt <= ?1 or createdAt <= ?2",
                now.minus(config.idleTimeout()), now.minus(config.absoluteTimeout()));
        String token = randomToken();
        BrowserSession session = new BrowserSession();
        session.tokenHash = hash(token);
        session.username = username;
        session.csrfToken = randomToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.persist();
        return new OpenedSession(token, session.csrfToken, config.absoluteTimeout());
    }

    /** The session this token opened while it is neither idle nor too old; the account's current roles. */
    public Optional<ActiveSession> find(String token) {
        String tokenHash = hash(token);
        BrowserSession session = BrowserSession.findById(tokenHash);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.lastSeenAt.plus(config.idleTimeout()))
                || !now.isBefore(session.createdAt.plus(config.absoluteTimeout()))) {
            BrowserSession.delete("tokenHash", tokenHash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(RECORD_USE_EVERY))) {
            BrowserSession.update("lastSeenAt = ?1 where tokenHash = ?2", now, tokenHash);
        }
        Optional<Agent> agent = Agent.findByUsername(session.username).filter(account -> !account.disabled);
        if (agent.isEmpty()) {
            BrowserSession.delete("tokenHash", tokenHash);
        }
        return agent.map(account -> new ActiveSession(account.username, account.roleNames(), session.csrfToken));
    }

    /** A disabled account (or one whose password an admin replaced) is logged out everywhere, in that transaction. */
    void endAllOf(@Observes AgentDisabled event) {
        BrowserSession.delete("username", event.username());
    }

    /** Ends the session for every node: its cookie is refused from now on. */
    public void end(String token) {
        BrowserSession.delete("tokenHash", hash(token));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
