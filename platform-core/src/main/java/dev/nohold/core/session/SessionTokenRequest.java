package dev.nohold.core.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A browser's session cookie, to be turned into the identity of the agent who logged in. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
