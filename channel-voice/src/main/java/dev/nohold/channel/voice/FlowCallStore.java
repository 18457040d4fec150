package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The calls a conversation flow answers ({@code voice_flow_call}): the turn each is on and what it was last told, so
 * a retry of a callback Twilio already had answered is answered the same; the request the flow handed the caller
 * over with; whether that request was connected live. It runs in its caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FlowCallStore {

    /** A call as the flow left it: {@code twiml} is the answer to the callback before turn {@code turn}. */
    public record FlowCall(String callSid, int turn, String twiml, UUID requestId, boolean connectedLive) {
    }

    private static final String COLUMNS = "call_sid, turn, twiml, request_id, connected_live";

    private final ChannelTables tables;

    public FlowCallStore(DataSource dataSource) {
        this.tables = new ChannelTables(dataSource, "Voice flow calls");
    }

    /** The call, locked until the transaction ends: the next callback of the same call waits for this one. */
    public Optional<FlowCall> lock(String callSid) {
        return one("select " + COLUMNS + " from voice_flow_call where call_sid = ? for update", callSid);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FlowCall> find(String callSid) {
        return one("select " + COLUMNS + " from voice_flow_call where call_sid = ?", callSid);
    }

    public void start(String callSid, String twiml, UUID requestId, Instant at) {
        update("insert into voice_flow_call (call_sid, turn, twiml, request_id, created_at, updated_at)"
                        + " values (?, 1, ?, cast(? as uuid), ?, ?) on conflict (call_sid) do nothing",
                callSid, twiml, requestId, Timestamp.from(at), Timestamp.from(at));
    }

    public void advance(String callSid, int turn, String twiml, UUID requestId, Instant at) {
        update("update voice_flow_call set turn = ?, twiml = ?, request_id = coalesce(cast(? as uuid), request_id),"
                + " updated_at = ? where call_sid = ?", turn, twiml, requestId, Timestamp.from(at), callSid);
    }

    public void connectedLive(String callSid, Instant at) {
        update("update voice_flow_call set connected_live = true, updated_at = ? where call_sid = ?",
                Timestamp.from(at), callSid);
    }

    private Optional<FlowCall> one(String sql, String callSid) {
        return tables.one(sql, rows -> new FlowCall(rows.getString(1), rows.getInt(2), rows.getString(3),
                rows.getObject(4, UUID.class), rows.getBoolean(5)), callSid);
    }

    private void update(String sql, Object... parameters) {
        tables.update(sql, parameters);
    }
}
