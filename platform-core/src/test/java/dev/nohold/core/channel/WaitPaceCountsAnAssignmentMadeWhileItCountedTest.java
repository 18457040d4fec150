package dev.nohold.core.channel;

import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pace a customer's wait is told from is kept between changes, not counted for every text. An assignment that
 * commits, and is heard, while a count is reading the table must still count next time: the count may have missed
 * it, and keeping it would tell customers a wait without it until the count expires.
 */
@QuarkusTest
class WaitPaceCountsAnAssignmentMadeWhileItCountedTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void anAssignmentHeardWhileCountingIsCountedNextTime() {
        AtomicReference<Runnable> afterRead = new AtomicReference<>();
        AssignmentPace pace = new AssignmentPace(afterEachRead(dataSource, afterRead), Clock.systemUTC());
        // Another node assigns a request, commits and announces it after the count has read the table, before the
        // count is kept.
        afterRead.set(() -> assignedElsewhere(pace));

        assertEquals(0, pace.assignedWithin(HOUR), "the count read the table before the assignment");
        assertEquals(1, pace.assignedWithin(HOUR), "the assignment heard meanwhile counts");
    }

    private void assignedElsewhere(AssignmentPace pace) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into customer_request (id, reference, channel, customer_address, status, text, intake_status,
                                              created_at, queued_at, assigned_at, answered_at, updated_at)
                values (?, 'PACE01', 'test', 'elsewhere', 'ANSWERED', 'Taken elsewhere', 'QUEUED',
                        now(), now(), now(), now(), now())""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        pace.heard(new LiveEvent(0, Instant.now(), "ASSIGNED", id, "PACE01", "ASSIGNED", null, null, null));
    }

    /** The data source, running {@code hook} (once) as the first connection taken from it is closed. */
    private static DataSource afterEachRead(DataSource dataSource, AtomicReference<Runnable> hook) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(method, dataSource, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return proxy(Connection.class, (connectionMethod, connectionArgs) -> {
                Object returned = invoke(connectionMethod, connection, connectionArgs);
                Runnable once = "close".equals(connectionMethod.getName()) ? hook.getAndSet(null) : null;
                if (once != null) {
                    once.run();
                }
                return returned;
            });
        });
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> call.on(method, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
