package dev.nohold.core.agent;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a username and password against the agent table (bcrypt) and gives the caller the agent's roles.
 *
 * <p>bcrypt is slow on purpose, and HTTP Basic sends the password with every call; so a successful check is
 * remembered for a few minutes, keyed by a SHA-256 of the password and bound to the stored hash, so a changed
 * password or a deleted account is never honoured from memory.
 */
@ApplicationScoped
public class AgentIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> authenticate(request.getUsername(),
                new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity authenticate(String username, String password) {
        Optional<Account> account = QuarkusTransaction.joiningExisting().call(() -> Agent.findByUsername(username)
                .map(agent -> new Account(agent.username, agent.passwordHash, agent.roleNames())));
        if (account.isEmpty() || !matches(account.get(), password)) {
            throw new AuthenticationFailedException("Wrong username or password");
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.get().username()));
        account.get().roles().forEach(identity::addRole);
        return identity.build();
    }

    private boolean matches(Account account, String password) {
        String key = account.username() + ":" + sha256(password);
        long now = System.nanoTime();
        Verified earlier = verified.get(key);
        if (earlier != null && earlier.hash().equals(account.passwordHash()) && now - earlier.atNanos() < REMEMBER.toNanos()) {
            return true;
        }
        boolean ok = BcryptUtil.matches(password, account.passwordHash());
        if (ok) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Verified(account.passwordHash(), now));
        }
        return ok;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Account(String username, String passwordHash, java.util.List<String> roles) {
    }

    private record Verified(String hash, long atNanos) {
    }
}
