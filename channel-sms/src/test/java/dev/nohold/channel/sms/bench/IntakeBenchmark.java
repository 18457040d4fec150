package dev.nohold.channel.sms.bench;

import dev.nohold.channel.sms.OptOuts;
import dev.nohold.core.agent.AccountDraft;
import dev.nohold.core.agent.Agents;
import dev.nohold.core.flow.FlowCatalog;
import dev.nohold.core.reply.ReplyDraft;
import dev.nohold.core.reply.Replies;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestQueries;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * How fast the platform takes in signed SMS webhooks, printed, not asserted (issue 18). Two figures:
 * <ol>
 *   <li><b>Beside a bare endpoint.</b> Four connections send signed Twilio webhooks as fast as they are answered, in
 *   rounds that alternate between the platform's {@code POST /channels/sms/twilio} and {@link BareSignedInsert}
 *   (the same signature check and one {@code INSERT} on the same PostgreSQL), so both meet the same machine load.
 *   Both run in this JVM beside the load generator, which costs both sides alike.</li>
 *   <li><b>With a long line.</b> The cost of one intake (one connection, one webhook at a time) and of one
 *   assignment (an agent going AVAILABLE until they hold the head of the line, from the platform's own timestamps)
 *   with 1,000 and with 100,000 requests waiting.</li>
 * </ol>
 * It measures intake of requests: the flows serving SMS (the default ones are on for every channel, so every text
 * would go through the bot first) are off for its rounds, and on again after.
 * Run: {@code ./mvnw -q -pl channel-sms -am test -Pbenchmark -Dtest=IntakeBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class IntakeBenchmark {

    private static final String PLATFORM = "/channels/sms/twilio";
    private static final int CONNECTIONS = 4;
    /**
     * The platform webhook's one statement, by what {@code pg_stat_activity} keeps of it (its first 1 kB): the only
     * statement with these parameters.
     */
    private static final String WEBHOOK_STATEMENT = "with input as (%$2::varchar as provider_message_id%";
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration ROUND = Duration.ofSeconds(8);
    private static final int ROUNDS = 3;
    /** JIT compilation in a pair of warm-up rounds (10 s) below which the JVM counts as warmed up. */
    private static final Duration JIT_SETTLED = Duration.ofMillis(600);
    /** The alternating workloads keep the JIT busy at a few hundred ms a pair for long: warm-up stops here anyway. */
    private static final int MAX_WARM_UP_PAIRS = 10;

    @TestHTTPResource("/")
    URI base;
    @Inject
    DataSource dataSource;
    @Inject
    Agents agents;
    @Inject
    Replies replies;
    @Inject
    RequestQueries queries;
    @Inject
    OptOuts optOuts;
    @Inject
    FlowCatalog flows;
    @ConfigProperty(name = "nohold.data-dir")
    String dataDir;
    @ConfigProperty(name = "nohold.intake.journal.max-attempts")
    int maxAttempts;

    private List<String> flowsTurnedOff = List.of();
    private CpuMeter cpu;

    private WebhookLoad webhooks;
    private BenchDatabase db;

    @BeforeEach
    void flowsServingSmsOff() {
        webhooks = new WebhookLoad(base, CONNECTIONS, dataSource);
        db = new BenchDatabase(dataSource, maxAttempts);
        flowsTurnedOff = flows.all().stream().filter(FlowCatalog.Summary::active).map(FlowCatalog.Summary::id)
                .filter(id -> flows.newest(id).entryPoints().stream()
                        .anyMatch(point -> "*".equals(point.channel()) || "sms".equals(point.channel())))
                .toList();
        flowsTurnedOff.forEach(id -> QuarkusTransaction.requiringNew().run(() -> flows.deactivate(id)));
        System.out.println("[bench] flows serving SMS turned off for the intake rounds, so each text is a request: "
                + (flowsTurnedOff.isEmpty() ? "none was on" : String.join(", ", flowsTurnedOff)));
    }

    @AfterEach
    void flowsServingSmsOnAgain() {
        flowsTurnedOff.forEach(id -> QuarkusTransaction.requiringNew().run(() -> flows.activate(id)));
    }

    @Test
    void intakeBesideABareEndpoint() throws Exception {
        cpu = new CpuMeter(Path.of(dataDir, "postgres"));
        reset();
        db.sql(BareSignedInsert.TABLE);
        warmUp();
        // The tables were emptied by reset(): statistics for the size they have now, the warm-up's texts all
        // requests, as a running platform's tables have; otherwise every plan cached meanwhile stays one made for
        // empty tables until autovacuum's next analyze.
        db.sql("analyze");
        db.sql("create extension if not exists pg_stat_statements");
        db.sql("alter system set pg_stat_statements.track_planning = on");
        db.sql("select pg_reload_conf()");
        db.sql("select pg_stat_statements_reset()");
        Round platform = new Round();
        Round bare = new Round();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate which goes first, so neither always follows the other's checkpoint or vacuum.
            if (round % 2 == 0) {
                platform.add(platformRound(ROUND));
                bare.add(bareRound(ROUND));
            } else {
                bare.add(bareRound(ROUND));
                platform.add(platformRound(ROUND));
            }
        }
        System.out.printf("%n[bench] signed SMS webhooks, %d connections, %d alternating rounds of %d s%n",
                CONNECTIONS, ROUNDS, ROUND.toSeconds());
        System.out.println("[bench] " + bare.describe("bare endpoint (check + INSERT)"));
        System.out.println("[bench] " + platform.describe("platform intake"));
        System.out.printf("[bench] platform / bare requests/s: %.2f%n", platform.perSecond() / bare.perSecond());
        System.out.printf("[bench] platform: every text a QUEUED request %.1f s after its round on average; "
                        + "sustained (round and catching up) %,.0f requests/s%n",
                platform.catchingUp / ROUNDS, platform.count() / (platform.seconds + platform.catchingUp));
        StatementTable.print(dataSource, platform.count());
        System.out.println("[bench] CPU per request (the platform's rounds with their catching up), in ms:");
        System.out.println("[bench] " + bare.cpuPerRequest("bare endpoint"));
        System.out.println("[bench] " + platform.cpuPerRequest("platform intake"));
        System.out.println("[bench] the webhook's statement and its commit in PostgreSQL, per request (sampled):");
        System.out.println("[bench] " + bare.waitsPerRequest("bare endpoint"));
        System.out.println("[bench] " + platform.waitsPerRequest("platform intake"));
        System.out.println("[bench] windows platform " + platform.windowsForPerf());
        System.out.println("[bench] windows bare " + bare.windowsForPerf());
        System.out.println("[bench] backends platform " + platform.backends.describe());
        System.out.println("[bench] backends bare " + bare.backends.describe());
        System.out.printf("[bench] capacity: one PostgreSQL core takes %,.0f texts/s of the platform's intake "
                        + "(%,.0f of the bare endpoint's); one core of a node's JVM %,.0f (%,.0f); "
                        + "JVM figures include the load generator, alike for both%n",
                platform.count() / platform.cpu.postgresSeconds(), bare.count() / bare.cpu.postgresSeconds(),
                platform.count() / platform.cpu.jvmSeconds(), bare.count() / bare.cpu.jvmSeconds());
    }

    /**
     * Pairs of warm-up rounds, platform then bare endpoint, until the JIT compilers have settled: a running node has
     * compiled its hot paths long ago, and the platform's are many more than the bare endpoint's, so a short warm-up
     * charges the platform's rounds with compiling (2.4 s of compiler threads' CPU in an 8 s round after 13 s of
     * load, measured from {@code /proc}; 15 s of compilation in the first pair, under 0.6 s after 7 to 8). Settled:
     * the JIT compiled less than {@link #JIT_SETTLED} in a pair, or {@link #MAX_WARM_UP_PAIRS} pairs ran.
     */
    private void warmUp() throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiled;
        int pairs = 0;
        do {
            long before = jit.getTotalCompilationTime();
            platformRound(WARM_UP);
            bareRound(WARM_UP);
            compiled = jit.getTotalCompilationTime() - before;
            pairs++;
            System.out.printf("[bench] warm-up pair %d: the JIT compiled for %,d ms%n", pairs, compiled);
        } while (compiled > JIT_SETTLED.toMillis() && pairs < MAX_WARM_UP_PAIRS);
    }

    /**
     * A round against the platform, then the time until the intake journal is empty (every text a request), so the
     * next round, the bare endpoint's too, starts on a quiet machine, and the catching up is reported, not hidden.
     */
    private Round platformRound(Duration length) throws Exception {
        CpuMeter.Reading before = cpu == null ? null : cpu.read();
        Round round = webhooks.round(PLATFORM, length, cpu, WEBHOOK_STATEMENT);
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> db.single("select count(*) from intake_entry where taken_at is null") == 0);
        round.catchingUp = (System.nanoTime() - start) / 1e9;
        if (before != null) {
            round.cpu = cpu.read().since(before);
        }
        return round;
    }

    private Round bareRound(Duration length) throws Exception {
        return webhooks.round(BareSignedInsert.PATH, length, cpu, BareSignedInsert.STATEMENT_LIKE);
    }

    @Test
    void costWithALongLine() throws Exception {
        // A first line, dropped: measured on a JVM no line had warmed yet, it read up to twice the later ones.
        costOf(new int[] {1_000, 0, 0});
        Map<String, double[]> costs = new LinkedHashMap<>();
        // {requests waiting, texts in the journal, requests assigned in the last hour}
        for (int[] line : new int[][] {{1_000, 0, 0}, {100_000, 0, 0}, {1_000, 30_000, 0}, {1_000, 0, 50_000}}) {
            costs.put("%,7d waiting%s%s".formatted(line[0],
                    line[1] == 0 ? "" : ", %,d in the journal".formatted(line[1]),
                    line[2] == 0 ? "" : ", %,d assigned in the last hour".formatted(line[2])), costOf(line));
        }
        System.out.printf("%n[bench] cost with a long line (one connection)%n");
        costs.forEach((line, cost) -> System.out.printf(
                "[bench] %s: intake p50 %.1f ms, p99 %.1f ms; assignment p50 %.1f ms%n",
                line, cost[0], cost[1], cost[2]));
        List<double[]> each = List.copyOf(costs.values());
        System.out.printf("[bench] 100,000 / 1,000 waiting: intake p50 %.2f×, assignment p50 %.2f×%n",
                each.get(1)[0] / each.get(0)[0], each.get(1)[2] / each.get(0)[2]);
        System.out.printf("[bench] 30,000 in the journal / none: intake p50 %.2f×%n", each.get(2)[0] / each.get(0)[0]);
        System.out.printf("[bench] 50,000 assigned in the last hour / none: intake p50 %.2f×%n",
                each.get(3)[0] / each.get(0)[0]);
    }

    /** Intake p50 and p99 (one connection) and assignment p50, in ms, with the line {@code costWithALongLine} names. */
    private double[] costOf(int[] line) throws Exception {
        reset();
        db.fillTheLine(line[0]);
        db.leaveInTheJournal(line[1]);
        db.answeredWithinTheHour(line[2]);
        webhooks.round(PLATFORM, WARM_UP, null, WEBHOOK_STATEMENT);
        long[] intake = sequentialIntake(300);
        double assignment = medianAssignmentMillis(60);
        return new double[] {Round.millis(Round.percentile(intake, 0.50)), Round.millis(Round.percentile(intake, 0.99)),
                assignment};
    }

    private long[] sequentialIntake(int samples) throws Exception {
        long[] latencies = new long[samples];
        for (int i = 0; i < samples; i++) {
            latencies[i] = webhooks.send(PLATFORM);
        }
        return latencies;
    }

    /** An agent goes AVAILABLE while the line is long, until they hold its head; answered, and again. */
    private double medianAssignmentMillis(int samples) throws SQLException {
        agents.create(new AccountDraft("bench-agent", Fixtures.PASSWORD, null, null, List.of(), List.of("agent"), 1));
        double[] took = new double[samples];
        for (int i = 0; i < samples; i++) {
            agents.changePresence("bench-agent", "AVAILABLE");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                    .until(() -> !mine().isEmpty());
            took[i] = db.single("""
                    select extract(epoch from (r.assigned_at - g.presence_since)) * 1000
                      from customer_request r join agent g on g.id = r.assigned_agent_id
                     where g.username = 'bench-agent' and r.status = 'ASSIGNED'""");
            agents.changePresence("bench-agent", "AWAY");
            for (Request request : mine()) {
                replies.answer(request.id, "bench-agent", ReplyDraft.text("Sorted, thank you."));
            }
        }
        Arrays.sort(took);
        return took[samples / 2];
    }

    private List<Request> mine() {
        return QuarkusTransaction.requiringNew().call(() -> queries.assignedTo("bench-agent"));
    }

    private void reset() throws SQLException {
        // The last line's answers may still be going out: emptied under a delivery's feet, the SMS channel's record
        // of its parts fails its foreign key and fills the log.
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> db.single("select count(*) from delivery where status = 'PENDING'") == 0);
        } catch (ConditionTimeoutException e) {
            System.out.println("[bench] deliveries still pending after 10 s; the tables are emptied anyway");
        }
        Fixtures.reset(dataSource);
        db.sql("truncate sms_opt_out, sms_inbound, sms_outbound_part");
        optOuts.reread();
        db.sql("drop table if exists bench_bare_sms");
        db.sql(BareSignedInsert.TABLE);
        TwilioStandIn.reset();
    }
}
