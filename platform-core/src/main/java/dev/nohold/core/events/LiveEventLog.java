package dev.nohold.core.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads the {@code live_event} table on a connection the caller owns: the listener's own (it must keep working
 * beside the pool) or a pooled one for a client resuming its stream.
 */
final class LiveEventLog {

    private static final String COLUMNS = "id, at, type, request_id, reference, status, agent_id, agent, detail";

    private LiveEventLog() {
    }

    static List<LiveEvent> byIds(Connection connection, long[] ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from live_event where id = any(?) order by id")) {
            select.setArray(1, connection.createArrayOf("bigint", box(ids)));
            return read(select);
        }
    }

    /** Events after {@code id}, oldest first, at most {@code limit}. */
    static List<LiveEvent> after(Connection connection, long id, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from live_event where id > ? order by id limit ?")) {
            select.setLong(1, id);
            select.setInt(2, limit);
            return read(select);
        }
    }

    /** Events after {@code id} that the audience may see, oldest first, at most {@code limit}. */
    static List<LiveEvent> after(Connection connection, long id, Audience audience, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from live_event where id > ? and (? or agent_id = ?) order by id limit ?")) {
            select.setLong(1, id);
            select.setBoolean(2, audience.seesEverything());
            select.setObject(3, audience.agentId(), Types.OTHER);
            select.setInt(4, limit);
            return read(select);
        }
    }

    /** The newest event's id, or 0 when there is none. */
    static long latestId(Connection connection) throws SQLException {
        return single(connection, "select coalesce(max(id), 0) from live_event").orElse(0);
    }

    /** The oldest event still kept, if any. */
    static OptionalLong oldestId(Connection connection) throws SQLException {
        return single(connection, "select min(id) from live_event");
    }

    static int deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from live_event where at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return delete.executeUpdate();
        }
    }

    private static OptionalLong single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            long value = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    private static List<LiveEvent> read(PreparedStatement select) throws SQLException {
        List<LiveEvent> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(new LiveEvent(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
                        row.getString("type"), row.getObject("request_id", UUID.class), row.getString("reference"),
                        row.getString("status"), row.getObject("agent_id", UUID.class), row.getString("agent"),
                        row.getString("detail")));
            }
        }
        return events;
    }

    private static Long[] box(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
