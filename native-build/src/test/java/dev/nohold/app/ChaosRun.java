package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import dev.nohold.twilio.TwilioStandIn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A chaos run: several packaged nodes on one PostgreSQL, customers writing in over the webhook and SMS channels,
 * agents answering through the API of whichever node is up, while nodes are killed with {@code kill -9} (and
 * started again) at random moments and PostgreSQL is restarted once. It records what every customer was told
 * (which message got a 2xx, when) and hands the history to {@link ChaosHistory} to check.
 *
 * <p>Senders behave as Twilio and a CRM do: a message that got no 2xx (node dead, database away: 503) is sent again
 * with the same id, to any node, until one answers 2xx. Agents poll their requests on a random live node and answer
 * each; a reply that got no answer is sent again (201, or 409 when it was stored after all).
 */
final class ChaosRun {

    /** What one run does; every field has a system property ({@code -Dchaos.requests=3000}, …). */
    record Settings(int nodes, int requests, Duration duration, int kills, int databaseRestarts, int agents,
                    long seed) {
        static Settings fromSystemProperties(int requests, Duration duration, int kills) {
            return new Settings(
                    Integer.getInteger("chaos.nodes", 3),
                    Integer.getInteger("chaos.requests", requests),
                    Duration.parse("PT" + System.getProperty("chaos.duration", duration.toSeconds() + "s")),
                    Integer.getInteger("chaos.kills", kills),
                    Integer.getInteger("chaos.database-restarts", 1),
                    Integer.getInteger("chaos.agents", 4),
                    Long.getLong("chaos.seed", System.nanoTime()));
        }
    }

    private final Settings settings;
    private final Path work;
    private final Random random;
    private final AtomicReferenceArray<PlatformProcess> nodes;
    private final Map<String, String> nodeSettings = new HashMap<>();
    private final ChaosHistory history = new ChaosHistory();
    private EmbeddedDatabase database;
    private AnswerReceiver answers;
    private volatile boolean agentsWorking = true;

    ChaosRun(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.random = new Random(settings.seed());
        this.nodes = new AtomicReferenceArray<>(settings.nodes());
    }

    /** Runs the load and the chaos, waits for the work to settle, and returns the history to check. */
    ChaosHistory run() throws Exception {
        System.out.printf("Chaos run: %s%n", settings);
        database = EmbeddedDatabase.start(work.resolve("database"));
        answers = new AnswerReceiver();
        nodeSettings.putAll(Senders.platformSettings(new TwilioStandIn().start().get("nohold.twilio.api-url")));
        nodeSettings.putAll(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                // No speech in this run: the nodes skip loading the model (hundreds of MB each).
                "nohold.speech.model-path", work.resolve("no-speech-model").toString(),
                "nohold.dispatch.poll-interval", "1s",
                "nohold.delivery.poll-interval", "500ms",
                "nohold.delivery.initial-backoff", "200ms",
                "nohold.delivery.max-backoff", "2s",
                "nohold.delivery.lease", "5s"));
        TwilioStandIn.reset();
        ExecutorService starting = Executors.newFixedThreadPool(settings.nodes());
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < settings.nodes(); i++) {
            int node = i;
            started.add(starting.submit(() -> {
                nodes.set(node, PlatformProcess.start(work.resolve("node-" + node), nodeSettings));
                return null;
            }));
        }
        for (Future<?> node : started) {
            node.get();
        }
        starting.shutdown();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < settings.agents(); i++) {
            agents.add("agent-" + i);
            api().createAgent(agents.get(i), 5);
            api().presence(agents.get(i), "AVAILABLE");
        }
        ExecutorService workers = Executors.newCachedThreadPool();
        agents.forEach(agent -> workers.submit(() -> answerAsAgent(agent)));
        history.loadStarts();
        Future<?> chaos = workers.submit(this::chaos);
        sendAll();
        chaos.get();
        settle();
        agentsWorking = false;
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        history.recordDeliveries(answers, TwilioStandIn.messagesSent());
        history.recordDatabase(database.jdbcUrl());
        return history;
    }

    /** Stops every node and the database. */
    void stop() throws Exception {
        for (int i = 0; i < nodes.length(); i++) {
            PlatformProcess node = nodes.get(i);
            if (node != null) {
                node.stop();
            }
        }
        if (answers != null) {
            answers.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Each message at its moment, spread evenly over the run, sent until a node answers 2xx. */
    private void sendAll() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long spacing = settings.duration().toNanos() / settings.requests();
        List<Future<?>> sending = new ArrayList<>();
        for (int i = 0; i < settings.requests(); i++) {
            long due = start + i * spacing;
            while (System.nanoTime() < due) {
                TimeUnit.NANOSECONDS.sleep(Math.min(due - System.nanoTime(), 50_000_000));
            }
            ChaosHistory.Message message = i % 2 == 0
                    ? new ChaosHistory.Message("webhook", "crm-" + i, "crm-customer-" + i, "chaos webhook " + i)
                    : new ChaosHistory.Message("sms", "SM%032d".formatted(i), "+1555%07d".formatted(i), "chaos sms " + i);
            history.sent(message);
            sending.add(senders.submit(() -> sendUntilTaken(message)));
        }
        for (Future<?> sent : sending) {
            sent.get();
        }
        senders.shutdown();
    }

    private Void sendUntilTaken(ChaosHistory.Message message) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUp) {
            PlatformProcess node = liveNode();
            try {
                int status = message.channel().equals("webhook")
                        ? Senders.webhook(node.baseUrl(), message.key(), message.from(), message.text(), answers.url())
                        : Senders.sms(node.baseUrl(), message.key(), message.from(), message.text());
                if (status / 100 == 2) {
                    history.taken(message);
                    return null;
                }
                history.refused(status);
            } catch (Exception e) {
                history.refused(-1);
            }
            // The provider's retry, a little later (Twilio waits far longer; this keeps the run short).
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(message.text() + " was never taken in");
    }

    private void answerAsAgent(String agent) {
        while (agentsWorking) {
            try {
                AgentApi api = new AgentApi(liveNode().baseUrl());
                for (var request : api.myRequests(agent)) {
                    int status = api.reply(agent, request.path("id").asText(), "answer to " + request.path("text")
                            .asText());
                    history.replied(status);
                }
            } catch (Exception e) {
                // The node went down under the agent: they carry on in another node's inbox.
            }
            try {
                // An agent's pace between looks at the inbox: pacing the simulation, not waiting for a state.
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Kills random nodes at random moments of the run (each started again at once, in the background, so the next
     * moment does not wait for a slow start), and restarts PostgreSQL at evenly spaced moments. A node is killed only
     * while another one is up: a customer always has somewhere to write.
     */
    private Void chaos() throws Exception {
        List<Long> moments = new ArrayList<>();
        long span = settings.duration().toMillis();
        for (int i = 0; i < settings.kills(); i++) {
            moments.add(span / 10 + (long) (random.nextDouble() * span * 0.8));
        }
        for (int i = 0; i < settings.databaseRestarts(); i++) {
            moments.add(-(span * (i + 1) / (settings.databaseRestarts() + 1)));
        }
        moments.sort((a, b) -> Long.compare(Math.abs(a), Math.abs(b)));
        ExecutorService restarts = Executors.newCachedThreadPool();
        List<Future<?>> restarted = new ArrayList<>();
        long start = System.currentTimeMillis();
        for (long moment : moments) {
            long wait = start + Math.abs(moment) - System.currentTimeMillis();
            if (wait > 0) {
                TimeUnit.MILLISECONDS.sleep(wait);
            }
            if (moment < 0) {
                restartDatabase();
            } else {
                int index = nodeToKill();
                if (index < 0) {
                    history.chaos("no kill: only one node up");
                } else {
                    PlatformProcess node = nodes.getAndSet(index, null);
                    node.kill();
                    history.chaos("kill -9 node " + index);
                    restarted.add(restarts.submit(() -> {
                        nodes.set(index, startAgain(index));
                        history.chaos("node " + index + " back");
                        return null;
                    }));
                }
            }
        }
        for (Future<?> node : restarted) {
            node.get();
        }
        restarts.shutdown();
        return null;
    }

    /**
     * Starts a killed node again as a process supervisor (systemd, Kubernetes) would: a node that exits while starting
     * (PostgreSQL being restarted at that moment refuses its start-up queries) is simply started once more.
     */
    private PlatformProcess startAgain(int index) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return PlatformProcess.start(work.resolve("node-" + index), nodeSettings);
            } catch (IllegalStateException exited) {
                if (attempt == 3) {
                    throw exited;
                }
                history.chaos("node " + index + " failed to start (" + exited.getMessage() + "), started again");
            }
        }
    }

    /** A random live node, if another one is live too; -1 otherwise. */
    private int nodeToKill() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < nodes.length(); i++) {
            if (nodes.get(i) != null) {
                live.add(i);
            }
        }
        return live.size() < 2 ? -1 : live.get(random.nextInt(live.size()));
    }

    private void restartDatabase() throws Exception {
        int port = database.port();
        database.close();
        history.chaos("PostgreSQL stopped");
        TimeUnit.SECONDS.sleep(2);
        database = EmbeddedDatabase.start(work.resolve("database"), port);
        history.chaos("PostgreSQL back");
    }

    /** Waits (bounded) until every request taken in has its answer delivered, then reports SMS as delivered. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("chaos.settle-seconds", 120)).toNanos();
        while (System.nanoTime() < deadline && !history.everyAnswerArrived(answers, TwilioStandIn.messagesSent())) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        for (TwilioStandIn.Call sent : TwilioStandIn.messagesSent()) {
            // Twilio's status callback once the carrier delivered it, to any node.
            Senders.smsDelivered(liveNode().baseUrl(), sent.sid());
        }
        AgentApi api = api();
        while (System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos()
                && api.queue().path("counts").path("DELIVERED").asInt() < settings.requests()) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private PlatformProcess liveNode() throws InterruptedException {
        while (true) {
            int first = random.nextInt(nodes.length());
            for (int i = 0; i < nodes.length(); i++) {
                PlatformProcess node = nodes.get((first + i) % nodes.length());
                if (node != null) {
                    return node;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private AgentApi api() throws InterruptedException {
        return new AgentApi(liveNode().baseUrl());
    }
}
