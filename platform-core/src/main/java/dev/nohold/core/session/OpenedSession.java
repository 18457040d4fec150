package dev.nohold.core.session;

import java.time.Duration;

/** What a login hands the browser: the cookie's token, the CSRF token its pages carry, and how long it may last. */
public record OpenedSession(String token, String csrfToken, Duration maxAge) {
}
