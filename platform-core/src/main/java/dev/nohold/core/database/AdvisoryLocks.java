package dev.nohold.core.database;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * PostgreSQL's transaction-scoped advisory locks: callers on any node asking for the same key take turns until the
 * holder's transaction ends. Taken over the transaction's JDBC connection rather than as a native query, whose
 * {@code void} result Hibernate would try (and fail, with an exception each time) to map.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for {@code key}, then holds it until the current transaction commits or rolls back. */
    /**
     * As {@link #holdUntilTransactionEnds} for many keys in one statement, taken in the keys' sorted order, so two
     * callers holding some of the same keys never wait on each other crosswise.
     */
    public static void holdAllUntilTransactionEnds(EntityManager entityManager, List<String> keys) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select count(pg_advisory_xact_lock(hashtextextended(k, 13)))"
                            + " from (select k from unnest(?::text[]) as k order by k) ordered")) {
                lock.setArray(1, connection.createArrayOf("text", keys.toArray()));
                lock.execute();
            }
        });
    }

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
