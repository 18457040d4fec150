package dev.nohold.core.session;

import java.util.List;

/** A valid session: whose it is, their roles now, and the CSRF token its state-changing calls must carry. */
public record ActiveSession(String username, List<String> roles, String csrfToken) {
}
