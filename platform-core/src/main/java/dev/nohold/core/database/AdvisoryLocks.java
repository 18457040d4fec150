package dev.nohold.core.database;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;

/**
 * PostgreSQL's transaction-scoped advisory locks: callers on any node asking for the same key take turns until the
 * holder's transaction ends. Taken over the transaction's JDBC connection rather than as a native query, whose
 * {@code void} result Hibernate would try (and fail, with an exception each time) to map.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for {@code key}, then holds it until the current transaction commits or rolls back. */
    public static void holdUntilTransactionEnds(EntityManager entityManager, String key) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 13))")) {
                lock.setString(1, key);
                lock.execute();
            }
        });
    }
}
