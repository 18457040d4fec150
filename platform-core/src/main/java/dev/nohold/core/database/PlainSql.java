package dev.nohold.core.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL over the caller's transaction when there is one (the pool hands out the connection enlisted in it): for
 * tables where an entity model would be more than the table, and for hot paths where the ORM's query handling costs
 * more than the statement. Parameters are bound in order: a UUID as PostgreSQL's uuid, an {@link Instant} as a
 * timestamp, a collection as a {@code text[]} of its elements' strings (cast it in the SQL: {@code ?::uuid[]}), null
 * as an untyped null. A failure is an {@link IllegalStateException} naming the store, with the driver's error as its
 * cause (so an outage is still told apart from a bug).
 */
public final class PlainSql {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final String name;

    /** {@code name} says whose tables these are, in errors: "Web chat store", "Intake journal". */
    public PlainSql(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    public <T> Optional<T> one(String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = list(sql, reader, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** How many rows the statement changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof UUID) {
                statement.setObject(i + 1, value, Types.OTHER);
            } else if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof Collection<?> values) {
                statement.setArray(i + 1, connection.createArrayOf("text", values.stream()
                        .map(element -> element == null ? null : element.toString()).toArray(String[]::new)));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
