package dev.nohold.core.session;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;

/**
 * The cookies a browser holds for the inbox: the session's (HttpOnly, SameSite=Lax, Secure when the platform is
 * reached over https) and the login form's CSRF token (SameSite=Strict, sent only to the login page).
 *
 * <p>Lax rather than Strict for the session, so a link to the inbox from elsewhere opens it logged in; what Lax still
 * lets through cross-site is top-level GETs, which change nothing, and every state-changing call needs the
 * session's CSRF token anyway.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String LOGIN_CSRF = "nohold-login-csrf";
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);

    private final boolean secure;

    public SessionCookies(NoholdConfig config) {
        this.secure = config.publicUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https:");
    }

    public NewCookie session(OpenedSession session) {
        return base(SessionAuthenticationMechanism.COOKIE, session.token(), "/", NewCookie.SameSite.LAX)
                .maxAge((int) session.maxAge().toSeconds()).build();
    }

    /** Tells the browser to drop its session cookie (the session itself is ended server-side). */
    public NewCookie sessionEnded() {
        return base(SessionAuthenticationMechanism.COOKIE, "", "/", NewCookie.SameSite.LAX).maxAge(0).build();
    }

    public NewCookie loginCsrf(String token) {
        return base(LOGIN_CSRF, token, SessionCsrfCheck.LOGIN_PATH, NewCookie.SameSite.STRICT)
                .maxAge((int) LOGIN_FORM_LIFETIME.toSeconds()).build();
    }

    public NewCookie loginCsrfUsed() {
        return base(LOGIN_CSRF, "", SessionCsrfCheck.LOGIN_PATH, NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    private NewCookie.Builder base(String name, String value, String path, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure).sameSite(sameSite);
    }
}
