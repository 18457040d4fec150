package dev.nohold.core.session;

import dev.nohold.core.Refusal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery protection for browser sessions: every state-changing call made with the session cookie
 * must carry the session's CSRF token in the {@value #HEADER} header (the inbox's scripts read it from the page's
 * {@code <meta name="csrf-token">}). The token is per session and stored with it, so it holds on every node.
 *
 * <p>Calls without the cookie, or with an Authorization header (HTTP Basic API clients), and Twilio's and the
 * channels' webhooks are not the browser's ambient authority and pass unchanged. The two plain HTML forms check the
 * token themselves, as the {@value #FORM_FIELD} field: the login form (a token of its own, there is no session yet)
 * and the logout form. This filter does not read form bodies: reading them here would put every form post, Twilio's
 * included, under Vert.x's form attribute size limit.
 */
public class SessionCsrfCheck {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf-token";
    public static final String LOGIN_PATH = "/login";
    public static final String LOGOUT_PATH = "/logout";
    private static final Set<String> CHECK_THEIR_OWN_FORM = Set.of(LOGIN_PATH, LOGOUT_PATH);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> requireToken(ContainerRequestContext request, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod())
                || SessionAuthenticationMechanism.sessionToken(routing) == null
                || routing.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || CHECK_THEIR_OWN_FORM.contains(routing.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (sessionCsrfToken(identity) != null && !matches(identity, request.getHeaderString(HEADER))) {
                throw Refusal.forbidden("This call was made with the inbox's session but without its CSRF token: "
                        + "send it in the " + HEADER + " header");
            }
            // Without a live session there is nothing to forge with; calls that need a login are refused anyway.
            return null;
        });
    }

    /** Whether the token a call carries is its session's. */
    public static boolean matches(SecurityIdentity identity, String given) {
        String expected = sessionCsrfToken(identity);
        return expected != null && given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The session's CSRF token, or null when the caller is not authenticated by a session. */
    public static String sessionCsrfToken(SecurityIdentity identity) {
        return identity.getAttribute(SessionIdentityProvider.CSRF_TOKEN);
    }
}
