package dev.nohold.core.channel;

import dev.nohold.core.channel.IntakeJournal.JournaledText;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.customer.Customers;
import dev.nohold.core.database.PlainSql;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.NewTextRequests;
import dev.nohold.core.request.NewTextRequests.NewText;
import dev.nohold.core.request.References;
import dev.nohold.core.request.Request;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the {@link IntakeJournal}'s entries into requests: woken on this node right after an entry commits, and
 * polling every {@code nohold.intake.journal.poll-interval} for entries a crashed node wrote and did not take. Each
 * batch is one transaction that claims entries ({@code FOR UPDATE SKIP LOCKED}, so nodes never take one twice),
 * runs each through the lifecycle, and marks it taken: a crash anywhere leaves the batch untaken, to be taken again
 * whole. A customer's entries are taken in the order they were written, one per batch.
 *
 * <p>A batch that fails is taken again entry by entry, so one bad entry cannot hold up the others; an entry that
 * keeps failing is left after {@code max-attempts}, its error logged and kept on it for an operator.
 */
@ApplicationScoped
public class JournalDrain extends RouteBuilder {

    static final String WAKE = "seda:intake-journal-due?size=1&discardWhenFull=true";
    /** How far a reader or a customer's STATUS takes the journal at a peak; the rest is the drain's. */
    private static final int MAX_BATCHES_FOR_A_READER = 5;
    private static final Logger LOG = Logger.getLogger(JournalDrain.class);
    private static final String ENTRY = """
            select seq, channel, provider_message_id, fingerprint, sender, reference, told_new, cast(message as text),
                   request_id, received_at
              from intake_entry e
            """;
    /**
     * A batch, oldest first, a customer's first entry only (their next is taken once this one is): an entry whose
     * customer's previous entry is taken, or was left after its attempts, or does not exist. The previous entry is
     * found on the customer's full index, not through "not taken" (see V17).
     */
    private static final String CLAIM = ENTRY + """
             where taken_at is null and attempts < :max
               and not coalesce((select previous.taken_at is null and previous.attempts < :max
                                   from intake_entry previous
                                  where previous.identity = e.identity and previous.seq < e.seq
                                  order by previous.seq desc
                                  limit 1), false)
             order by seq
             limit :value
             for update skip locked""";
    /** Everyone's entries up to a seq, a batch at most, waiting for batches in flight that hold some. */
    private static final String CLAIM_WRITTEN_BEFORE = ENTRY + """
             where taken_at is null and attempts < :max and seq <= :value
             order by seq
             limit %d
               for update""";
    private static final String CLAIM_ONE = ENTRY + """
             where seq = :value and taken_at is null and attempts < :max
               for update skip locked""";

    private final PlainSql sql;
    private final Lifecycle lifecycle;
    private final NewTextRequests newTexts;
    private final References references;
    private final Customers customers;
    private final IntakeJournal journal;
    private final NoholdConfig.Journal config;
    private final Clock clock;

    public JournalDrain(DataSource dataSource, Lifecycle lifecycle, NewTextRequests newTexts, References references,
                        Customers customers, IntakeJournal journal, NoholdConfig config, Clock clock) {
        this.sql = new PlainSql(dataSource, "Intake journal");
        this.lifecycle = lifecycle;
        this.newTexts = newTexts;
        this.references = references;
        this.customers = customers;
        this.journal = journal;
        this.config = config.intake().journal();
        this.clock = clock;
    }

    @Override
    public void configure() {
        long pollMillis = config.pollInterval().toMillis();
        from("timer:intake-journal-poll?delay=" + pollMillis + "&period=" + pollMillis)
                .routeId("intake-journal-poll")
                .to("direct:drain-intake-journal");
        // The journal sends one wake-up until the drain starts on it; the texts written meanwhile are all taken by
        // the batches after the delay.
        from(WAKE)
                .routeId("intake-journal-wake")
                .delay(config.linger().toMillis())
                .process(exchange -> journal.drainWoken())
                .to("direct:drain-intake-journal");
        from("direct:drain-intake-journal")
                .routeId("drain-intake-journal")
                .process(exchange -> drain());
        from("timer:intake-journal-retention?delay=60000&period=3600000")
                .routeId("intake-journal-retention")
                .process(exchange -> forgetTaken());
    }

    /** Takes batches until none is left; returns how many entries were taken. */
    public int drain() {
        int taken = 0;
        while (true) {
            int batch;
            try {
                batch = QuarkusTransaction.requiringNew().call(this::takeBatch);
                journal.taken(batch);
            } catch (RuntimeException e) {
                LOG.warnf("A batch of the intake journal failed (%s); its entries are taken one by one",
                        e.getMessage());
                batch = takeOneByOne();
            }
            // Until a claim finds nothing: a batch takes one entry a customer, so a customer's burst takes several.
            if (batch == 0) {
                return taken;
            }
            taken += batch;
            if (batch < config.batchSize()) {
                // Texts keep coming: let the next batch gather instead of taking the few that arrived while this one
                // was written, the longer the more came. At a peak batches then take hundreds of texts, which took a
                // text's CPU from 2.3 to 1.6 ms (IntakeBenchmark); one customer's burst still goes 20 ms a text.
                pause(batch);
            }
        }
    }

    /** {@code linger} for each text the last batch took, {@code peak-linger} at most. */
    private void pause(int lastBatch) {
        Duration pause = config.linger().multipliedBy(lastBatch);
        try {
            Thread.sleep(pause.compareTo(config.peakLinger()) < 0 ? pause : config.peakLinger());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int takeOneByOne() {
        int taken = 0;
        List<Entry> entries = QuarkusTransaction.requiringNew().call(() -> claim(CLAIM, config.batchSize()));
        for (Entry entry : entries) {
            try {
                int one = QuarkusTransaction.requiringNew().call(() -> take(claim(CLAIM_ONE, entry.seq())));
                journal.taken(one);
                taken += one;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Intake journal entry %d (%s %s) could not be taken", entry.seq(), entry.channel(),
                        entry.providerMessageId());
                QuarkusTransaction.requiringNew().run(() -> failed(entry.seq(), e));
            }
        }
        return taken;
    }

    /**
     * Takes every entry written before this call, waiting for batches in flight that hold some, so a reader of the
     * requests (the API, the inbox) sees every text already acknowledged: "stored before the answer" holds for them
     * too. One query when the journal is empty, as it nearly always is; at a peak, a few batches at most (the rest is
     * the drain's).
     */
    public void settle() {
        takeUpTo(QuarkusTransaction.requiringNew().call(() -> lastUntaken(null)));
    }

    /**
     * Takes the customer's entries still in the journal now, with everyone's written before them (so nobody loses
     * their place in line to a customer who texted after them), each batch committed before this returns: what the
     * customer sent last is part of their request, and in the line, before the caller acts on it (a STATUS or CANCEL
     * right after a text).
     */
    public void takeEntriesOf(String identity) {
        takeUpTo(QuarkusTransaction.requiringNew().call(() -> lastUntaken(identity)));
    }

    private void takeUpTo(Long upTo) {
        if (upTo == null) {
            return;
        }
        for (int batch = 0; batch < MAX_BATCHES_FOR_A_READER; batch++) {
            int taken = QuarkusTransaction.requiringNew().call(() ->
                    take(claim(CLAIM_WRITTEN_BEFORE.formatted(config.batchSize()), upTo)));
            journal.taken(taken);
            if (taken < config.batchSize()) {
                return;
            }
        }
    }

    /** The newest entry not taken yet: anyone's, or the customer's with this identity; null when there is none. */
    private static Long lastUntaken(String identity) {
        if (identity == null) {
            return (Long) Request.getEntityManager()
                    .createNativeQuery("select max(seq) from intake_entry where taken_at is null", Long.class)
                    .getSingleResult();
        }
        // The customer's newest entry, if not taken: a customer's entries are taken in order (see V17 for why not
        // "max(seq) where taken_at is null").
        List<?> newest = Request.getEntityManager()
                .createNativeQuery("""
                        select case when taken_at is null then seq end from intake_entry
                         where identity = :identity order by seq desc limit 1""", Long.class)
                .setParameter("identity", identity)
                .getResultList();
        return newest.isEmpty() ? null : (Long) newest.get(0);
    }

    private int takeBatch() {
        // Entries of a batch belong to different customers, so no query of one needs another's rows flushed first:
        // everything goes out at commit, in JDBC batches, not statement by statement before each query.
        Session session = Request.getEntityManager().unwrap(Session.class);
        session.setHibernateFlushMode(FlushMode.COMMIT);
        List<Entry> entries = claim(CLAIM, config.batchSize());
        if (!entries.isEmpty()) {
            commitWithoutWaitingForTheDisk(session);
        }
        return take(entries);
    }

    /**
     * Runs claimed entries through the lifecycle and marks them taken, in the caller's transaction. What every entry
     * needs from the database first (its customer, whether its reference is still free) is read for all at once; the
     * entries told a new reference (nearly all at a peak) become requests together ({@link NewTextRequests}), the
     * others join or reopen their customer's request one by one.
     */
    private int take(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        customers.resolveAll(entries.stream().map(e -> Map.entry(e.channel(), e.sender())).toList());
        Set<String> taken = referencesTaken(entries);
        List<Entry> toldNew = entries.stream().filter(Entry::toldNew).toList();
        List<UUID> made = newTexts.receive(toldNew.stream()
                .map(entry -> new NewText(message(entry), entry.requestId(), taken.contains(entry.reference())
                        ? anotherReference(entry) : entry.reference(), entry.receivedAt()))
                .toList());
        List<Taken> done = new ArrayList<>(entries.size());
        for (int i = 0; i < toldNew.size(); i++) {
            done.add(new Taken(toldNew.get(i).seq(), made.get(i)));
        }
        for (Entry entry : entries) {
            if (!entry.toldNew()) {
                done.add(new Taken(entry.seq(), lifecycle.receive(message(entry)).id()));
            }
        }
        markTaken(done);
        if (!made.isEmpty()) {
            LOG.debugf("%d texts from the intake journal are new requests, %d joined theirs", made.size(),
                    done.size() - made.size());
        }
        return done.size();
    }

    private String anotherReference(Entry entry) {
        String reference = references.next();
        LOG.warnf("Request %s made from a text whose customer was told %s: that reference was taken meanwhile",
                reference, entry.reference());
        return reference;
    }

    /**
     * The batch's commit does not wait for its WAL to reach the disk: safe, because everything it writes is
     * derived from journal entries that are durable already, and marking them taken is part of the same commit. A
     * PostgreSQL crash that loses the commit loses the mark with it, and the entries are taken again. The webhooks'
     * own commits, which customers wait for, then no longer queue behind the drain's.
     */
    private static void commitWithoutWaitingForTheDisk(Session session) {
        session.doWork(connection -> {
            try (Statement set = connection.createStatement()) {
                set.execute("set local synchronous_commit to off");
            }
        });
    }

    /** The references of told-new entries that some request has already (drawn twice: one in 887 million). */
    private Set<String> referencesTaken(List<Entry> entries) {
        List<String> told = entries.stream().filter(Entry::toldNew).map(Entry::reference).toList();
        if (told.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.list("select reference from customer_request where reference = any (?::text[])",
                row -> row.getString(1), told));
    }

    private static InboundMessage message(Entry entry) {
        JournaledText text = JournaledText.read(entry.message());
        return InboundMessage.from(entry.channel(), entry.sender()).text(text.text())
                .providerMessageId(entry.providerMessageId(), entry.fingerprint())
                .language(text.language()).requiredSkill(text.requiredSkill())
                .attributes(text.attributes()).build();
    }

    /**
     * Claims with {@code query}: a batch of at most {@code value} entries, an entry by its seq, or a customer's. Plain
     * SQL over the transaction's connection: the ORM's native query cost more than the claim itself.
     */
    private List<Entry> claim(String query, long value) {
        return sql.list(query.replace(":max", Integer.toString(config.maxAttempts())).replace(":value", "?"),
                row -> new Entry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getBoolean(7), row.getString(8),
                        row.getObject(9, UUID.class), row.getTimestamp(10).toInstant()),
                value);
    }

    private void markTaken(List<Taken> taken) {
        if (taken.isEmpty()) {
            return;
        }
        sql.update("""
                update intake_entry e set taken_at = ?, request_id = t.request_id::uuid
                  from unnest(?::text[], ?::text[]) as t(seq, request_id)
                 where e.seq = t.seq::bigint""",
                clock.instant(), taken.stream().map(Taken::seq).toList(),
                taken.stream().map(Taken::requestId).toList());
    }

    private void failed(long seq, RuntimeException e) {
        Request.getEntityManager().createNativeQuery(
                        "update intake_entry set attempts = attempts + 1, last_error = :error where seq = :seq")
                .setParameter("error", String.valueOf(e.getMessage()))
                .setParameter("seq", seq)
                .executeUpdate();
    }

    private void forgetTaken() {
        int forgotten = QuarkusTransaction.requiringNew().call(() -> Request.getEntityManager()
                .createNativeQuery("delete from intake_entry where taken_at < :before")
                .setParameter("before", clock.instant().minus(config.retention()))
                .executeUpdate());
        if (forgotten > 0) {
            LOG.infof("Forgot %d intake journal entries taken more than %s ago", forgotten, config.retention());
        }
    }

    /** An entry as claimed; {@code requestId}: the id its request was promised (null if written before 2026-12-03). */
    private record Entry(long seq, String channel, String providerMessageId, String fingerprint, String sender,
                         String reference, boolean toldNew, String message, UUID requestId, Instant receivedAt) {
    }

    private record Taken(long seq, UUID requestId) {
    }
}
