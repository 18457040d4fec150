package dev.nohold.channel.sms.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The benchmark's table of PostgreSQL's statements, per text the platform took. */
final class StatementTable {

    private StatementTable() {
    }

    /**
     * Where PostgreSQL's time goes in the platform's rounds: its statements (the bare endpoint's and this benchmark's
     * own left out) by execution time, per text taken, from {@code pg_stat_statements}, which the embedded server
     * loads.
     */
    static void print(DataSource dataSource, long texts) throws SQLException {
        System.out.println("[bench] PostgreSQL statements of the platform's intake, execution and planning ms and calls per text:");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement top = connection.prepareStatement("""
                     select total_exec_time / ?, calls::float / ?, regexp_replace(query, '\\s+', ' ', 'g'),
                            total_plan_time / ?, wal_bytes / ?, wal_fpi::float / ?
                       from pg_stat_statements
                      where query not like '%bench_bare_sms%' and query not like '%count(*) from intake_entry%'
                        and query not like '%pg_stat_activity%'
                      order by total_exec_time + total_plan_time desc limit 10""")) {
            top.setLong(1, texts);
            top.setLong(2, texts);
            top.setLong(3, texts);
            top.setLong(4, texts);
            top.setLong(5, texts);
            try (ResultSet row = top.executeQuery()) {
                while (row.next()) {
                    String query = row.getString(3);
                    System.out.printf("[bench]   %.3f ms  planning %.3f ms  %.2f×  WAL %,.0f B %.2f FPI  %s%n",
                            row.getDouble(1), row.getDouble(4), row.getDouble(2), row.getDouble(5), row.getDouble(6),
                            query.substring(0, Math.min(110, query.length())));
                }
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement bare = connection.prepareStatement("""
                     select wal_bytes::float / calls, wal_fpi::float / calls, mean_exec_time from pg_stat_statements
                      where query like 'insert into bench_bare_sms%'""");
             ResultSet row = bare.executeQuery()) {
            if (row.next()) {
                System.out.printf("[bench]   the bare endpoint's INSERT: %.3f ms, WAL %,.0f B %.2f FPI a request%n",
                        row.getDouble(3), row.getDouble(1), row.getDouble(2));
            }
        }
    }
}
