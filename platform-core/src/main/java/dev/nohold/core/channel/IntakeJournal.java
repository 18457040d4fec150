package dev.nohold.core.channel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.Refusal;
import dev.nohold.core.channel.limits.Admission;
import dev.nohold.core.channel.limits.IntakeLimits;
import dev.nohold.core.channel.limits.IntakeLimits.Counter;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.request.References;
import dev.nohold.core.request.WaitingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast door for a customer's text: one statement, committed on its own, counts it against the customer address's
 * rate limit ({@link IntakeLimits}), makes it durable, and tells the reference the customer is to be given, whether
 * the text joins a request they have, and how many places agents have free now (the pace of the line is
 * {@link AssignmentPace}'s). The {@link JournalDrain} turns the entry into a request (or a part of one) right after,
 * so a webhook is answered at the pace of one {@code INSERT}, not of the whole lifecycle.
 *
 * <p>What the customer is told holds: an entry told a reference of its own makes the request with that reference,
 * and one told it joins a request (open, lately answered, or itself still in the journal) joins it. A customer's
 * entries are taken in the order they were written. A provider's retry (the same provider message id) finds the
 * first entry and gets its answer; the same id with another payload is refused, as {@link Intake} does.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class IntakeJournal {

    private static final String OPEN = "'RECEIVED', 'TRANSCRIBING', 'QUEUED', 'ASSIGNED'";
    private static final String WRITE = """
            with input as (
                select ?::varchar as channel, ?::varchar as provider_message_id, ?::varchar as fingerprint,
                       ?::varchar as sender, ?::varchar as identity, ?::boolean as own_request,
                       ?::varchar as fresh_reference, ?::jsonb as message, ?::timestamptz as now,
                       ?::timestamptz as reopen_since, ?::integer as room,
                       ?::varchar as limit_key, ?::timestamptz as window_start, ?::integer as max_hits,
                       ?::uuid as new_id),
            counted as (
                insert into intake_limit_window (limit_key, window_start, hits)
                select limit_key, window_start, 1 from input where limit_key is not null
                on conflict (limit_key, window_start) do update set hits = intake_limit_window.hits + 1
                returning hits),
            pending as (
                select latest.reference, latest.request_id
                  from (select e.reference, e.request_id, e.taken_at from intake_entry e, input i
                         where e.identity = i.identity and not i.own_request
                         order by e.seq desc limit 1) latest
                 where latest.taken_at is null),
            told as (
                select r.id, r.reference, r.status, coalesce(length(r.text) + 1, 0) <= i.room as fits from input i
                  join customer_address a on a.identity = i.identity
                  join customer_request r on r.customer_id = a.customer_id
                 where not i.own_request
                   and (r.status in (%1$s)
                        or (r.status in ('ANSWERED', 'DELIVERED', 'DELIVERY_FAILED') and r.answered_at >= i.reopen_since))
                 order by r.status in (%1$s) desc,
                          case when r.status in (%1$s) then r.created_at else r.answered_at end desc
                 limit 1),
            joins as (
                select reference, request_id
                  from (select 1 as n, reference, request_id from pending
                        union all
                        select 2, reference, id from told where fits) candidates
                 order by n
                 limit 1),
            entry as (
                insert into intake_entry (channel, provider_message_id, fingerprint, sender, identity, reference,
                                          told_new, message, received_at, request_id)
                select i.channel, i.provider_message_id, i.fingerprint, i.sender, i.identity,
                       coalesce(j.reference, i.fresh_reference), j.reference is null, i.message, i.now,
                       case when j.reference is null then i.new_id else j.request_id end
                  from input i left join joins j on true
                 where coalesce((select hits from counted), 0) <= coalesce(i.max_hits, 0)
                on conflict do nothing
                returning reference, told_new, request_id)
            select e.reference, e.told_new, t.id, t.status, (%2$s), (select hits from counted), e.request_id
              from input i left join entry e on true left join told t on t.reference = e.reference"""
            .formatted(OPEN, PlacesInLine.FREE);
    /**
     * The first entry with a provider's message id, and the status its text was taken into: once taken, the message's
     * own; before, that of the request it joins (as the first answer said), or QUEUED for a request still to be made.
     */
    private static final String FIRST = """
            select e.reference, e.told_new, e.fingerprint, e.request_id,
                   coalesce(m.intake_status, r.status, 'QUEUED')
              from intake_entry e
              left join message m on m.channel = e.channel and m.provider_message_id = e.provider_message_id
              left join customer_request r on r.id = e.request_id and not e.told_new
             where e.channel = ? and e.provider_message_id = ?""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Entries this node wrote that are not requests yet, as far as it knows (its drain takes most): they count in a
     * new customer's place in line. Another node's entries are not counted; it is an estimate, as places are.
     */
    private final AtomicLong untakenHere = new AtomicLong();
    /**
     * A wake-up is on its way to the drain and it has not started on it yet: a text written meanwhile is taken by that
     * round, so it sends none of its own (at a peak, nearly every text).
     */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile Endpoint wake;
    private final DataSource dataSource;
    private final IntakeLimits limits;
    private final Intake intake;
    private final References references;
    private final WaitingLine line;
    private final AssignmentPace pace;
    private final ProducerTemplate producer;
    private final NoholdConfig config;
    private final Clock clock;

    public IntakeJournal(DataSource dataSource, IntakeLimits limits, Intake intake, References references, WaitingLine line,
                         AssignmentPace pace, ProducerTemplate producer, NoholdConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.limits = limits;
        this.intake = intake;
        this.references = references;
        this.line = line;
        this.pace = pace;
        this.producer = producer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Writes a text to the journal; durable when this returns. Only texts: audio goes through
     * {@link ChannelRequests#take}. {@code paceWindow} is the window the wait estimate's pace is measured over.
     */
    public JournalReceipt write(InboundMessage message, Duration paceWindow) {
        intake.validate(message);
        if (message.hasAudio() || message.audioToFollow() || message.providerMessageId() == null) {
            throw new IllegalArgumentException("The journal takes texts with a provider message id only");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            JournalReceipt receipt = insert(connection, message, now, paceWindow);
            if (receipt != null && !receipt.admission().admitted()) {
                return receipt;
            }
            if (receipt == null) {
                // A repeat of the provider's message, or a text from the same customer written at the same moment
                // that is to make their request: written again, this one then joins it.
                Optional<JournalReceipt> repeat = repeat(connection, message);
                if (repeat.isPresent()) {
                    return repeat.get();
                }
                receipt = insert(connection, message, now, paceWindow);
                if (receipt == null) {
                    return repeat(connection, message).orElseThrow(() -> new IllegalStateException(
                            "The journal refused " + message.providerMessageId() + " twice and holds no entry for it"));
                }
            }
            untakenHere.incrementAndGet();
            wakeTheDrain();
            return receipt;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the text to the intake journal", e);
        }
    }

    private void wakeTheDrain() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            if (wake == null) {
                wake = producer.getCamelContext().getEndpoint(JournalDrain.WAKE);
            }
            producer.sendBody(wake, null);
        } catch (RuntimeException e) {
            // Stopping: the poll (here or on another node) takes the text.
            wakePending.set(false);
        }
    }

    /** The drain was woken and is about to claim: a text written from now on wakes it again. */
    void drainWoken() {
        wakePending.set(false);
    }

    /** The journal was emptied behind the platform's back (tests): no entry of this node is waiting any more. */
    public void forgetUntaken() {
        untakenHere.set(0);
    }

    /** The drain took this many entries (any node's). */
    void taken(int count) {
        untakenHere.accumulateAndGet(count, (untaken, taken) -> Math.max(0, untaken - taken));
    }

    private JournalReceipt insert(Connection connection, InboundMessage message, Instant now, Duration paceWindow)
            throws SQLException {
        Optional<Counter> counter = limits.addressCounter(message.channel(), message.from());
        long assigned = pace.assignedWithin(paceWindow);
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setString(1, message.channel());
            write.setString(2, message.providerMessageId());
            write.setString(3, message.fingerprint());
            write.setString(4, message.from());
            write.setString(5, CustomerAddress.identityOf(message.channel(), message.from()));
            write.setBoolean(6, message.ownRequest());
            write.setString(7, references.fresh());
            write.setString(8, JournaledText.write(message));
            write.setTimestamp(9, Timestamp.from(now));
            write.setTimestamp(10, Timestamp.from(now.minus(config.conversation().reopenWindow())));
            // What room an open request must have left to take this text (the lifecycle's rule for joining).
            write.setInt(11, config.intake().maxTextLength() - message.text().strip().length());
            write.setString(12, counter.map(Counter::key).orElse(null));
            write.setTimestamp(13, counter.map(c -> Timestamp.from(c.windowStart())).orElse(null));
            write.setObject(14, counter.map(Counter::limit).orElse(null), Types.INTEGER);
            // The id the request will have if this text makes one: told to channels that answer with it.
            write.setObject(15, UUID.randomUUID());
            try (ResultSet row = write.executeQuery()) {
                row.next();
                if (counter.isPresent() && row.getInt(6) > counter.get().limit()) {
                    return JournalReceipt.refused(limits.admission(counter.get(), row.getInt(6)));
                }
                if (row.getString(1) == null) {
                    return null;
                }
                boolean toldNew = row.getBoolean(2);
                UUID requestId = row.getObject(3, UUID.class);
                String status = row.getString(4);
                PlaceInLine place = "ASSIGNED".equals(status) ? PlacesInLine.withAgent()
                        : PlacesInLine.estimate(requestId == null ? line.length() + untakenHere.get() + 1
                                : line.positionOf(requestId),
                        row.getLong(5), assigned, paceWindow);
                return new JournalReceipt(row.getString(1), row.getObject(7, UUID.class),
                        status == null ? "QUEUED" : status, !toldNew, false, place, Admission.ADMITTED);
            }
        }
    }

    private Optional<JournalReceipt> repeat(Connection connection, InboundMessage message) throws SQLException {
        try (PreparedStatement first = connection.prepareStatement(FIRST)) {
            first.setString(1, message.channel());
            first.setString(2, message.providerMessageId());
            try (ResultSet row = first.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                if (!Objects.equals(row.getString(3), message.fingerprint())) {
                    throw Refusal.unprocessable("The key " + message.providerMessageId()
                            + " was already used for a different message; use a new key for a new message");
                }
                UUID requestId = row.getObject(4, UUID.class);
                long position = requestId == null ? line.length() + 1 : line.positionOf(requestId);
                return Optional.of(new JournalReceipt(row.getString(1), requestId, row.getString(5),
                        !row.getBoolean(2), true, new PlaceInLine(false, position, 0, OptionalLong.empty()),
                        Admission.ADMITTED));
            }
        }
    }

    /** What of an {@link InboundMessage} the journal keeps beside its columns. */
    record JournaledText(String text, Map<String, String> attributes, String language, String requiredSkill) {

        /**
         * The message's {@link JournaledText} as JSON, written field by field: on every webhook, where the object
         * mapper's serializer for the record cost an eighth of the resource method's time (profiled under load).
         */
        static String write(InboundMessage message) {
            StringWriter out = new StringWriter(message.text().length() + 96);
            try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("text", message.text());
                json.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
                json.writeStringField("language", message.language());
                json.writeStringField("requiredSkill", message.requiredSkill());
                json.writeEndObject();
            } catch (IOException e) {
                throw new IllegalStateException("Could not write the text as JSON", e);
            }
            return out.toString();
        }

        static JournaledText read(String json) {
            try {
                return JSON.readValue(json, JournaledText.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A journal entry's message is not readable: " + e.getMessage(), e);
            }
        }
    }
}
