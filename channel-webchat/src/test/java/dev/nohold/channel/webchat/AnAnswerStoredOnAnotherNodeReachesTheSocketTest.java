package dev.nohold.channel.webchat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Works on every node: what another node commits (an answer stored for this browser and its signal, exactly the
 * rows {@link ChatStore} and the core's {@code ChannelSignals} write) reaches the socket held here through
 * PostgreSQL's notification alone; nothing in this JVM called anything.
 */
@QuarkusTest
class AnAnswerStoredOnAnotherNodeReachesTheSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @BeforeEach
    void clean() throws Exception {
        ChatTests.reset(dataSource, limits);
    }

    @Test
    void aMessageCommittedWithItsSignalElsewhereIsShownOnTheSocketHere() throws Exception {
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "Anyone there?");
            browser.awaitMessage("notice", "is taken");
            UUID requestId = UUID.fromString(ChatTests.newestChatRequest());

            commitAsAnotherNode(browser.token(), requestId, "Yes, written on node two.");

            var shown = browser.awaitMessage("agent", "written on node two");
            assertEquals(3, shown.path("id").asLong(), "numbered after the two messages the browser has");
        }
    }

    /** One transaction on a connection of its own, as a node in another JVM would commit it. */
    private void commitAsAnotherNode(String token, UUID requestId, String text) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            UUID visitor;
            long seq;
            try (PreparedStatement find = connection.prepareStatement(
                    "update webchat_visitor set last_seq = last_seq + 1 where token_hash = ? returning id, last_seq")) {
                find.setBytes(1, ChatStore.hash(token));
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    visitor = row.getObject(1, UUID.class);
                    seq = row.getLong(2);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into webchat_message"
                    + " (id, visitor_id, seq, request_id, kind, text, by_name, at) values (?, ?, ?, ?, 'agent', ?, 'bob', now())")) {
                insert.setObject(1, UUID.randomUUID(), Types.OTHER);
                insert.setObject(2, visitor, Types.OTHER);
                insert.setLong(3, seq);
                insert.setObject(4, requestId, Types.OTHER);
                insert.setString(5, text);
                insert.executeUpdate();
            }
            try (PreparedStatement signal = connection.prepareStatement("with event as (insert into live_event"
                    + " (at, type, request_id, status, detail) values (now(), 'CHANNEL_SIGNAL', ?, 'QUEUED', ?) returning id)"
                    + " select pg_notify('nohold_events', id::text) from event")) {
                signal.setObject(1, requestId, Types.OTHER);
                signal.setString(2, "webchat:visitor:" + visitor);
                signal.executeQuery().close();
            }
            connection.commit();
        }
    }
}
