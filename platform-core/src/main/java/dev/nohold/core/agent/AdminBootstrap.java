package dev.nohold.core.agent;

import dev.nohold.core.config.NoholdConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Makes sure the built-in {@code admin} account exists. Its password comes from {@code nohold.admin.password};
 * when that is unset on the very first start, one is generated and printed once, to the console only.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final NoholdConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    public AdminBootstrap(NoholdConfig config, EntityManager entityManager, Clock clock) {
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        var configured = config.admin().password();
        if (Agent.findByUsername(ADMIN).isPresent()) {
            configured.ifPresent(password -> Agent.update("passwordHash = ?1 where username = ?2",
                    BcryptUtil.bcryptHash(password), ADMIN));
            return;
        }
        String password = configured.orElseGet(AdminBootstrap::generatePassword);
        Instant now = clock.instant();
        // Several nodes may start at once on one database: the first insert wins, the others change nothing.
        int created = entityManager.createNativeQuery("""
                insert into agent (id, username, password_hash, display_name, roles, capacity, presence,
                                   presence_since, idle_since, created_at)
                values (:id, :username, :hash, 'Administrator', 'admin,supervisor,agent', 1, 'OFFLINE', :now, :now, :now)
                on conflict (username) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("username", ADMIN)
                .setParameter("hash", BcryptUtil.bcryptHash(password))
                .setParameter("now", now)
                .executeUpdate();
        if (created == 1 && configured.isEmpty()) {
            System.out.println("""

                    ==============================================================
                     Nohold created the 'admin' account with the password:
                       %s
                     It is shown this once. Set nohold.admin.password to choose one.
                    ==============================================================
                    """.formatted(password));
            LOG.warn("Generated a password for the 'admin' account (printed once on the console)");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
