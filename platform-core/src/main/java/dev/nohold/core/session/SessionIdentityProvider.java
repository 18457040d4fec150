package dev.nohold.core.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives a request carrying a valid session cookie the identity and current roles of the agent who logged in. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    /** Identity attribute holding the session's CSRF token, which {@link SessionCsrfCheck} compares. */
    static final String CSRF_TOKEN = "nohold.session.csrf-token";

    private final BrowserSessions sessions;

    public SessionIdentityProvider(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.token())
                .map(SessionIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("The session has ended")));
    }

    private static SecurityIdentity identity(ActiveSession session) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(session.username()))
                .addAttribute(CSRF_TOKEN, session.csrfToken());
        session.roles().forEach(identity::addRole);
        return identity.build();
    }
}
