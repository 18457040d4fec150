package dev.nohold.core.channel.limits;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake rate limit counts in PostgreSQL: two nodes (two {@link IntakeLimits} on the one database) share each
 * address's and client's count, a refusal says when the window ends, "slow down" is owed once per window, and a
 * flood from one address leaves everyone else's checks prompt.
 */
@QuarkusTest
class IntakeLimitsHoldAcrossNodesTest {

    /** Ten seconds into a one-minute window. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:10Z");

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void twoNodesShareOneCountAndRefuseUntilTheWindowEnds() {
        IntakeLimits first = node(NOW, 3, 100);
        IntakeLimits second = node(NOW, 3, 100);

        assertTrue(first.admit("sms", "+15550000001", null).admitted());
        assertTrue(second.admit("sms", "+15550000001", null).admitted());
        assertTrue(first.admit("sms", "+15550000001", null).admitted());

        Admission refused = second.admit("sms", "+15550000001", null);
        assertFalse(refused.admitted());
        assertTrue(refused.firstRefusal());
        assertEquals(50, refused.retryAfterSeconds());
        Admission again = first.admit("sms", "+15550000001", null);
        assertFalse(again.admitted());
        assertFalse(again.firstRefusal(), "slow down is said once per window");
        IntakeLimited limited = assertThrows(IntakeLimited.class, again::orRefuse);
        assertEquals(429, limited.status());

        // The same number on another channel, and another number, have counts of their own.
        assertTrue(first.admit("voice", "+15550000001", null).admitted());
        assertTrue(first.admit("sms", "+15550000002", null).admitted());

        // The next window starts afresh, on either node.
        assertTrue(node(NOW.plusSeconds(50), 3, 100).admit("sms", "+15550000001", null).admitted());
    }

    @Test
    void aClientIsCountedAcrossAllItsCustomers() {
        IntakeLimits limits = node(NOW, 100, 2);
        assertTrue(limits.admit("webhook", "crm-1", "10.0.0.7").admitted());
        assertTrue(limits.admit("webhook", "crm-2", "10.0.0.7").admitted());
        assertFalse(limits.admit("webhook", "crm-3", "10.0.0.7").admitted());
        assertTrue(limits.admit("webhook", "crm-3", "10.0.0.8").admitted());
    }

    @Test
    void endedWindowsAreForgotten() throws Exception {
        node(NOW, 3, 100).admit("sms", "+15550000001", null);
        assertEquals(0, node(NOW.plusSeconds(60), 3, 100).forgetEndedWindows());
        assertEquals(1, node(NOW.plusSeconds(3 * 60), 3, 100).forgetEndedWindows());
    }

    @Test
    void aFloodFromOneAddressLeavesOtherAddressesPrompt() throws Exception {
        IntakeLimits limits = node(NOW, 5, 1_000_000);
        AtomicInteger floodAdmitted = new AtomicInteger();
        ExecutorService flooders = Executors.newFixedThreadPool(8);
        List<Future<?>> flood = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flood.add(flooders.submit(() -> {
                for (int n = 0; n < 100; n++) {
                    if (limits.admit("sms", "+15550009999", null).admitted()) {
                        floodAdmitted.incrementAndGet();
                    }
                }
            }));
        }
        try {
            List<Long> otherMillis = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                assertTrue(limits.admit("sms", "+1555100" + String.format("%04d", i), null).admitted());
                otherMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            for (Future<?> f : flood) {
                f.get();
            }
            assertEquals(5, floodAdmitted.get());
            // Generous for two shared cores: a check queued behind the flood's row locks would take the flood's length.
            long median = otherMillis.stream().sorted().toList().get(otherMillis.size() / 2);
            assertTrue(median < 200, "median check took " + median + " ms beside the flood");
        } finally {
            flooders.shutdownNow();
        }
    }

    private IntakeLimits node(Instant now, int perAddress, int perClient) {
        return new IntakeLimits(dataSource, Clock.fixed(now, ZoneOffset.UTC), new LimitsConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration window() {
                return Duration.ofMinutes(1);
            }

            public int perAddress() {
                return perAddress;
            }

            public int perClient() {
                return perClient;
            }
        });
    }
}
