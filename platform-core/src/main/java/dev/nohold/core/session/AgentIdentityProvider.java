package dev.nohold.core.session;

import dev.nohold.core.agent.Agent;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Checks a username and password against the agent table (bcrypt) and gives the caller the agent's roles: for HTTP
 * Basic and the login page alike.
 *
 * <p>Nothing is remembered between calls: browsers check the password once and then hold a session, and an API
 * client pays one bcrypt per call. Failed attempts are counted per username and per address, and an attempt over the
 * limit is refused before bcrypt runs.
 */
@ApplicationScoped
public class AgentIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Checked when the account does not exist, so a wrong username takes as long as a wrong password. */
    private static final String UNKNOWN_ACCOUNT_HASH = BcryptUtil.bcryptHash("no account has this password");

    private final FailedLogins failedLogins;

    public AgentIdentityProvider(FailedLogins failedLogins) {
        this.failedLogins = failedLogins;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> authenticate(request.getUsername(),
                new String(request.getPassword().getPassword()), clientAddress(request)));
    }

    private SecurityIdentity authenticate(String username, String password, String address) {
        boolean failedBefore = failedLogins.check(username, address);
        Optional<Account> account = QuarkusTransaction.joiningExisting().call(() -> Agent.findByUsername(username)
                .map(agent -> new Account(agent.username, agent.passwordHash, agent.roleNames(), agent.disabled)));
        boolean matches = BcryptUtil.matches(password, account.map(Account::passwordHash).orElse(UNKNOWN_ACCOUNT_HASH));
        if (account.isEmpty() || !matches) {
            failedLogins.record(username, address);
            throw new AuthenticationFailedException("Wrong username or password");
        }
        if (failedBefore) {
            failedLogins.forget(username);
        }
        if (account.get().disabled()) {
            // Said only to whoever knows the password: to anyone else a disabled account is a wrong password.
            throw new AccountDisabled().asAuthenticationFailure();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.get().username()));
        account.get().roles().forEach(identity::addRole);
        return identity.build();
    }

    /** The caller's address (the proxy's client address when quarkus.http.proxy.proxy-address-forwarding is on). */
    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return routing == null || routing.request().remoteAddress() == null
                ? "unknown" : routing.request().remoteAddress().host();
    }

    private record Account(String username, String passwordHash, List<String> roles, boolean disabled) {
    }
}
