package dev.nohold.channel.sms.bench;

import dev.nohold.twilio.TwilioSigned;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The yardstick of {@link IntakeBenchmark}: the least a webhook endpoint can do and still be safe — the same Twilio
 * signature check ({@link TwilioSigned}), one {@code INSERT} committed on the same PostgreSQL, a TwiML answer.
 * Test code only: the platform never serves it.
 */
@Path(BareSignedInsert.PATH)
@TwilioSigned
public class BareSignedInsert {

    public static final String PATH = "/bench/bare-sms";
    /** Its statement, as {@code pg_stat_activity} shows it, for a {@code like}. */
    static final String STATEMENT_LIKE = "insert into bench_bare_sms%";
    static final String TABLE = """
            create table if not exists bench_bare_sms (
                message_sid varchar(64) primary key,
                sender      varchar(40) not null,
                body        text        not null,
                received_at timestamptz not null)""";

    private final DataSource dataSource;

    public BareSignedInsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String incoming(MultivaluedMap<String, String> form) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into bench_bare_sms (message_sid, sender, body, received_at) values (?, ?, ?, ?)")) {
            insert.setString(1, form.getFirst("MessageSid"));
            insert.setString(2, form.getFirst("From"));
            insert.setString(3, form.getFirst("Body"));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks, we have it.</Message></Response>";
    }
}
