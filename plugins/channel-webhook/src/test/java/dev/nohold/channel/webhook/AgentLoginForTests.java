package dev.nohold.channel.webhook;

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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Lets the agent API's HTTP Basic work in this module's tests. On this branch the core relies on security-jpa, which
 * only looks for {@code @UserDefinition} in the application's own classes, so with the core as a dependency no
 * identity provider exists and every agent call fails with 500. Main fixed it in the core (its own
 * {@code AgentIdentityProvider}, commit 718d8b0); delete this class once this branch has that commit.
 */
@ApplicationScoped
public class AgentLoginForTests implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private static SecurityIdentity check(String username, String password) {
        Optional<Account> account = QuarkusTransaction.joiningExisting().call(() -> Agent.findByUsername(username)
                .map(agent -> new Account(agent.username, agent.passwordHash, agent.roleNames())));
        if (account.isEmpty() || !BcryptUtil.matches(password, account.get().passwordHash())) {
            throw new AuthenticationFailedException("Wrong username or password");
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.get().username()));
        account.get().roles().forEach(identity::addRole);
        return identity.build();
    }

    private record Account(String username, String passwordHash, List<String> roles) {
    }
}
