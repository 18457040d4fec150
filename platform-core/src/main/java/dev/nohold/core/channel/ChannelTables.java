package dev.nohold.core.channel;

import dev.nohold.core.database.PlainSql;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A channel's own tables in plain SQL ({@link PlainSql}, behind the channel API): a few rows read or written per
 * turn, where an entity model would be more than the table.
 */
public final class ChannelTables {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final PlainSql sql;

    /** {@code name} says whose tables these are, in errors: "Web chat store", "Voice flow calls". */
    public ChannelTables(DataSource dataSource, String name) {
        this.sql = new PlainSql(dataSource, name);
    }

    public <T> Optional<T> one(String query, RowReader<T> reader, Object... parameters) {
        return sql.one(query, reader::read, parameters);
    }

    public <T> List<T> list(String query, RowReader<T> reader, Object... parameters) {
        return sql.list(query, reader::read, parameters);
    }

    /** How many rows the statement changed. */
    public int update(String query, Object... parameters) {
        return sql.update(query, parameters);
    }
}
