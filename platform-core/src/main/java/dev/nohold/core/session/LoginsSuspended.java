package dev.nohold.core.session;

import io.quarkus.security.AuthenticationFailedException;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many failed logins for this username or address lately: refused without checking the password. Travels as the
 * cause of an {@link AuthenticationFailedException} (which Quarkus keeps final), so every path that handles failed
 * logins handles it, and the pages and the API can still answer 429 with Retry-After.
 */
public class LoginsSuspended extends RuntimeException {

    private final Duration retryAfter;

    LoginsSuspended(Duration retryAfter) {
        super("Too many failed logins; try again in " + minutes(retryAfter), null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for the Retry-After header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    AuthenticationFailedException asAuthenticationFailure() {
        return new AuthenticationFailedException(getMessage(), this);
    }

    /** The suspension behind a failed authentication, if that is why it failed. */
    public static Optional<LoginsSuspended> causing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginsSuspended suspended) {
                return Optional.of(suspended);
            }
        }
        return Optional.empty();
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
