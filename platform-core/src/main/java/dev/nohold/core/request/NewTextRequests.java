package dev.nohold.core.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.customer.Customers;
import dev.nohold.core.database.PlainSql;
import dev.nohold.core.events.LiveEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link Lifecycle#receive} for many new text requests at once: what it writes for a text that makes a request of
 * its own (the request, QUEUED; its RECEIVED and QUEUED events; the customer's first message; the live events; the
 * line and the dispatcher told), written for the whole batch in one statement instead of entity by entity. The
 * intake journal's drain uses it for every entry whose customer was told a new reference; the rest (a text joining
 * or reopening a request) still goes through {@link Lifecycle#receive} one by one.
 *
 * <p>The result is the same rows {@link Lifecycle#receive} writes, in the caller's transaction; a test compares the
 * two ({@code NewTextRequestsAreThoseOfTheLifecycleTest}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NewTextRequests {

    private static final Logger LOG = Logger.getLogger(NewTextRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITE = """
            with input as (
                select id::uuid, reference, customer_id::uuid, channel, sender, text, language, required_skill,
                       provider_message_id, fingerprint, attributes::jsonb, at::timestamptz
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[])
                       as t(id, reference, customer_id, channel, sender, text, language, required_skill,
                            provider_message_id, fingerprint, attributes, at)),
            request as (
                insert into customer_request (id, reference, customer_id, channel, customer_address, status, text,
                                              language, required_skill, provider_message_id, fingerprint,
                                              intake_status, attributes, created_at, queued_at, updated_at)
                select id, reference, customer_id, channel, sender, 'QUEUED', text, language, required_skill,
                       provider_message_id, fingerprint, 'QUEUED', attributes, at, at, ?
                  from input),
            event as (
                insert into request_event (request_id, at, type, detail)
                select id, at, type, detail
                  from input, lateral (values (1, 'RECEIVED', 'via ' || channel), (2, 'QUEUED', null))
                       as e(n, type, detail)
                 order by input.id, e.n)
            insert into message (id, request_id, direction, channel, address, text, provider_message_id, fingerprint,
                                 intake_status, at)
            select gen_random_uuid(), id, 'in', channel, sender, text, provider_message_id, fingerprint, 'QUEUED', at
              from input""";

    private final PlainSql sql;
    private final Customers customers;
    private final LiveEvents liveEvents;
    private final Event<WaitingLine.LineChanged> lineChanged;
    private final Event<WorkAvailable> workAvailable;
    private final Clock clock;

    public NewTextRequests(DataSource dataSource, Customers customers, LiveEvents liveEvents,
                           Event<WaitingLine.LineChanged> lineChanged, Event<WorkAvailable> workAvailable, Clock clock) {
        this.sql = new PlainSql(dataSource, "New text requests");
        this.customers = customers;
        this.liveEvents = liveEvents;
        this.lineChanged = lineChanged;
        this.workAvailable = workAvailable;
        this.clock = clock;
    }

    /**
     * Makes a QUEUED request of each text, with the id and reference given beside it (one the customer was told, checked
     * free by the caller). The customers must have been resolved in this transaction
     * ({@link Customers#resolveAll}), so that finding them costs no query. Returns the requests' ids, in order.
     */
    public List<UUID> receive(List<NewText> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Made> made = texts.stream().map(text -> new Made(text.id() != null ? text.id() : UUID.randomUUID(), text,
                customers.resolve(text.message().channel(), text.message().from()),
                text.receivedAt() != null ? text.receivedAt() : now)).toList();
        write(made, now);
        for (Made one : made) {
            String reference = one.text().reference();
            liveEvents.request(one.id(), reference, RequestStatus.RECEIVED.name(), RequestStatus.RECEIVED.name(),
                    "via " + one.text().message().channel(), one.at());
            liveEvents.request(one.id(), reference, RequestStatus.QUEUED.name(), RequestStatus.QUEUED.name(), null,
                    one.at());
            lineChanged.fire(new WaitingLine.LineChanged(one.id(), new WaitingLine.Place(false, 0, one.at(), one.id())));
            LOG.debugf("Request %s received via %s", reference, one.text().message().channel());
        }
        workAvailable.fire(new WorkAvailable(made.size() + " requests queued"));
        return made.stream().map(Made::id).toList();
    }

    private void write(List<Made> made, Instant now) {
        sql.update(WRITE, column(made, Made::id), column(made, one -> one.text().reference()),
                column(made, Made::customerId), column(made, one -> one.text().message().channel()),
                column(made, one -> one.text().message().from()),
                column(made, one -> blankToNull(one.text().message().text())),
                column(made, one -> one.text().message().language()),
                column(made, one -> one.text().message().requiredSkill()),
                column(made, one -> one.text().message().providerMessageId()),
                column(made, one -> one.text().message().fingerprint()),
                column(made, one -> json(one.text().message())), column(made, Made::at), now);
    }

    /** One field of every request, as the statement's array of it. */
    private static List<Object> column(List<Made> made, Function<Made, Object> field) {
        return made.stream().map(field).toList();
    }

    private static String json(InboundMessage message) {
        try {
            return JSON.writeValueAsString(message.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a message's attributes as JSON", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A text to make a new request of, the id its request is to have (null: any), the reference its customer was
     * told, and when it was received: the request's creation and its place in line, so that the texts of one batch
     * keep their order of arrival (null: now).
     */
    public record NewText(InboundMessage message, UUID id, String reference, Instant receivedAt) {
    }

    private record Made(UUID id, NewText text, UUID customerId, Instant at) {
    }
}
