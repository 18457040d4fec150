package dev.nohold.channel.sms.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own SQL: a statement, a single value, and the data it lays down beside the platform's for the
 * long-line figures (a line of waiting requests, a busy hour's assignments, a backlog in the journal), written in
 * one statement each instead of through the platform.
 */
final class BenchDatabase {

    private final DataSource dataSource;
    /** The journal's {@code max-attempts}: a backlog at it is one the drain leaves. */
    private final int maxAttempts;

    BenchDatabase(DataSource dataSource, int maxAttempts) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    /** {@code count} customers, each with one request QUEUED an hour ago, a millisecond apart. */
    void fillTheLine(int count) throws SQLException {
        madeAnHourAgo(count, "W", "+1999", "QUEUED", "Still waiting",
                "now() - interval '1 hour' + n * interval '1 millisecond'", "null::timestamptz");
    }

    /**
     * {@code count} customers, each with one request made an hour ago: queued at {@code queuedAt} and assigned and
     * answered at {@code answeredAt} (SQL over {@code n}, the row's number), then {@code analyze}d.
     */
    private void madeAnHourAgo(int count, String reference, String addressPrefix, String status, String text,
                               String queuedAt, String answeredAt) throws SQLException {
        sql("""
                with made as (
                    insert into customer (id, created_at)
                    select gen_random_uuid(), now() - interval '1 hour' from generate_series(1, %d)
                    returning id)
                insert into customer_request (id, reference, channel, customer_address, status, text, intake_status,
                                              attributes, customer_id, created_at, queued_at, assigned_at,
                                              answered_at, updated_at)
                select gen_random_uuid(), '%s' || n, 'sms', '%s' || lpad(n::text, 7, '0'), '%s', '%s', 'QUEUED',
                       '{}', id, now() - interval '1 hour', %s, %s, %s, now()
                  from (select id, row_number() over () as n from made) numbered"""
                .formatted(count, reference, addressPrefix, status, text, queuedAt, answeredAt, answeredAt));
        sql("analyze");
    }

    /**
     * {@code count} requests agents took and answered during the last hour, as at a busy center's peak: the pace a
     * wait is estimated from.
     */
    void answeredWithinTheHour(int count) throws SQLException {
        if (count > 0) {
            madeAnHourAgo(count, "A", "+1777", "ANSWERED", "Sorted already",
                    "now() - interval '1 hour'", "now() - n * interval '50 milliseconds'");
        }
    }

    /**
     * {@code count} texts not taken yet, as when the drain is behind at a peak or nodes are down, written after the
     * line's analyze, as a backlog grows after the last analyze saw the journal empty. They are at their attempts'
     * limit, so the drain leaves them (and the measure stays one of a steady backlog).
     */
    void leaveInTheJournal(int count) throws SQLException {
        if (count == 0) {
            return;
        }
        sql("""
                insert into intake_entry (channel, provider_message_id, fingerprint, sender, identity, reference,
                                          told_new, message, received_at, request_id, attempts)
                select 'sms', 'SMbacklog' || n, null, '+1888' || lpad(n::text, 7, '0'),
                       'phone:+1888' || lpad(n::text, 7, '0'), 'B' || n, true,
                       '{"text": "Waiting in the journal", "attributes": {}}', now(), gen_random_uuid(), %d
                  from generate_series(1, %d) n""".formatted(maxAttempts, count));
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    double single(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getDouble(1);
        }
    }
}
