package dev.nohold.core.customer;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A first contact that arrives as several texts at once (from one number, on two channels) is one customer with one
 * request holding every text, however the intakes interleave: the customer's identity is locked while it is resolved
 * and while the open request is looked for.
 */
@QuarkusTest
class TextsArrivingAtOnceMakeOneCustomerAndOneRequestTest {

    private static final int TEXTS = 8;

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void textsFromOneNumberAtOnceMakeOneCustomerAndOneRequest() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(TEXTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IntakeReceipt>> receipts = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            String channel = i % 2 == 0 ? RecordingChannel.ID : "sms";
            String text = "part " + i;
            receipts.add(senders.submit(() -> {
                start.await();
                return intake.submit(InboundMessage.text(channel, "+15550009999", text));
            }));
        }
        start.countDown();
        Set<Object> requestIds = new HashSet<>();
        for (Future<IntakeReceipt> receipt : receipts) {
            requestIds.add(receipt.get().id());
        }
        senders.shutdown();

        assertEquals(1, requestIds.size());
        assertEquals(1, count("select count(*) from customer"));
        assertEquals(2, count("select count(*) from customer_address"));
        assertEquals(1, count("select count(*) from customer_request"));
        assertEquals(TEXTS, count("select count(*) from message where direction = 'in'"));
        assertEquals(TEXTS, lines("select text from customer_request").size());
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Set<String> lines(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1).lines().collect(Collectors.toSet());
        }
    }
}
