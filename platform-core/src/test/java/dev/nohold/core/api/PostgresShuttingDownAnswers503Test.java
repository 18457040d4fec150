package dev.nohold.core.api;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A statement cut off by PostgreSQL shutting down or restarting is the database outage the platform answers 503 for
 * (so Twilio and CRMs retry), not a bug of ours answered 500: seen in the chaos run's PostgreSQL restart.
 */
class PostgresShuttingDownAnswers503Test {

    @Test
    void aConnectionTerminatedByAnAdministratorCommandIs503() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        assertEquals(503, new ErrorMappers().unexpected(new IllegalStateException("could not execute statement",
                terminated)).getStatus());
    }

    @Test
    void theDatabaseStartingUpIs503() {
        SQLException starting = new SQLException("FATAL: the database system is starting up", "57P03");
        assertEquals(503, new ErrorMappers().unexpected(new RuntimeException(starting)).getStatus());
    }

    /** As Narayana reports a commit cut off by a restart: the driver's error is only suppressed, not a cause. */
    @Test
    void aCommitCutOffByARestartIs503() {
        javax.transaction.xa.XAException commit = new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XA_RBCOMMFAIL);
        commit.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        jakarta.transaction.RollbackException rolledBack = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        rolledBack.addSuppressed(commit);
        assertEquals(503, new ErrorMappers().unexpected(new RuntimeException("Error invoking subclass method",
                rolledBack)).getStatus());
    }

    @Test
    void anyOtherErrorIsStill500() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertEquals(500, new ErrorMappers().unexpected(new RuntimeException(duplicate)).getStatus());
    }
}
