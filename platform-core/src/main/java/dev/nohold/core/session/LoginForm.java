package dev.nohold.core.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the login page does: checks the form's own CSRF token, then the password through the same identity provider
 * as HTTP Basic (so the same accounts and the same failed-login limits), and opens a new session.
 */
@ApplicationScoped
public class LoginForm {

    private final SecureRandom random = new SecureRandom();
    private final IdentityProviderManager identities;
    private final BrowserSessions sessions;

    public LoginForm(IdentityProviderManager identities, BrowserSessions sessions) {
        this.identities = identities;
        this.sessions = sessions;
    }

    /** The token the login form carries; the same value is set as a cookie only the login page receives. */
    public String newCsrfToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean csrfTokenMatches(String fromForm, String fromCookie) {
        return fromForm != null && fromCookie != null && !fromCookie.isBlank()
                && MessageDigest.isEqual(fromForm.getBytes(StandardCharsets.UTF_8), fromCookie.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a session for the right password, ending the session the browser held before (a new session id at every
     * login, never the one a browser arrived with).
     *
     * @throws AuthenticationFailedException for a wrong username or password, or caused by {@link LoginsSuspended}
     *         after too many failures for this username or address
     */
    public OpenedSession logIn(String username, String password, String earlierToken, RoutingContext routing) {
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(username,
                new PasswordCredential(password.toCharArray()));
        HttpSecurityUtils.setRoutingContextAttribute(request, routing);
        SecurityIdentity identity = identities.authenticateBlocking(request);
        if (earlierToken != null) {
            sessions.end(earlierToken);
        }
        return sessions.open(identity.getPrincipal().getName());
    }

    public void logOut(String token) {
        if (token != null) {
            sessions.end(token);
        }
    }
}
