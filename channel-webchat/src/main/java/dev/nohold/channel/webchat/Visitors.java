package dev.nohold.channel.webchat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Who a browser is: the token it keeps (in localStorage) names one visitor. A browser without a token, or with one
 * nobody issued, gets a new visitor and a new token: a guessed token opens an empty conversation, never another's.
 */
@ApplicationScoped
public class Visitors {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatStore store;
    private final Clock clock;

    public Visitors(ChatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The visitor and, when a new one was made, the token the browser is to keep. */
    public record Welcome(Visitor visitor, String newToken) {
    }

    @Transactional
    public Welcome welcome(String token) {
        if (token != null && token.length() >= 40 && token.length() <= 64) {
            var known = store.byToken(token);
            if (known.isPresent()) {
                return new Welcome(known.get(), null);
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String issued = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Welcome(store.create(issued, clock.instant()), issued);
    }
}
