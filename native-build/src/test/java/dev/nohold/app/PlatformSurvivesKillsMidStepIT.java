package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.twilio.TwilioStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged platform on its embedded default, killed with {@code kill -9} in the middle of each step of a
 * request's life: intake, dispatch, delivery and transcription; and Twilio's API refusing for a while.
 *
 * <p>How a kill lands in the middle of a step without sleeping on a guess: each kill is fired while a load is
 * running (many requests in flight on several threads, each at its own point of the step), as soon as the first
 * results of that load are visible from outside (answers received, assignments counted, callbacks arrived). Some
 * work is then done, some not begun, and some caught half-way, wherever the kill found it; each test checks that the
 * kill did leave work unfinished, then checks the invariants a customer or an agent would notice over all of it.
 *
 * <p>One platform and data directory serve every test, in order, as one day of work would: the requests taken in by
 * the first test are the ones assigned by the second and answered by the third.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSurvivesKillsMidStepIT {

    private static final int PER_CHANNEL = 30;
    private static final List<String> AGENTS = List.of("ada", "ben", "cy");
    private static final int CAPACITY = 25;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ExecutorService load = Executors.newFixedThreadPool(6);
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, String> idByText = new ConcurrentHashMap<>();
    private Path data;
    private Map<String, String> settings;
    private AnswerReceiver answers;
    private PlatformProcess platform;

    /** One customer message: its channel, the provider's id for it (retried with the same), its customer. */
    private record Message(String channel, String key, String from, String text) {
        int send(String baseUrl, String callbackUrl) throws Exception {
            return channel.equals("webhook") ? Senders.webhook(baseUrl, key, from, text, callbackUrl)
                    : Senders.sms(baseUrl, key, from, text);
        }
    }

    @BeforeAll
    void startPlatform(@TempDir Path work) throws Exception {
        data = work.resolve("data");
        answers = new AnswerReceiver();
        settings = new HashMap<>(Senders.platformSettings(new TwilioStandIn().start().get("nohold.twilio.api-url")));
        // Short waits, so work a killed node held comes back within seconds rather than the production minutes. The
        // delivery lease stays long enough that a slow send on a loaded machine is not taken up a second time.
        settings.putAll(Map.of(
                "nohold.dispatch.poll-interval", "1s",
                "nohold.delivery.poll-interval", "200ms",
                "nohold.delivery.initial-backoff", "200ms",
                "nohold.delivery.max-backoff", "2s",
                "nohold.delivery.lease", "10s",
                "nohold.speech.poll-interval", "1s",
                "nohold.speech.lease", "3s",
                "nohold.voice.dial-timeout-seconds", "5",
                "nohold.voice.live-hold-margin", "2s"));
        TwilioStandIn.reset();
        platform = PlatformProcess.start(data, settings);
        for (String agent : AGENTS) {
            api().createAgent(agent, CAPACITY);
        }
        for (int i = 0; i < PER_CHANNEL; i++) {
            messages.add(new Message("webhook", "crm-msg-" + i, "crm-customer-" + i, "webhook request " + i));
            messages.add(new Message("sms", "SM%032d".formatted(i), "+1555010%04d".formatted(i), "sms request " + i));
        }
    }

    @AfterAll
    void stopPlatform() throws InterruptedException {
        load.shutdownNow();
        if (platform != null) {
            platform.stop();
        }
        if (answers != null) {
            answers.close();
        }
    }

    @Test
    @Order(1)
    void aRequestAnswered2xxBeforeTheKillExistsAndTheProvidersRetryOfTheRestMakesExactlyOne() throws Exception {
        Map<Message, Boolean> answered2xx = new ConcurrentHashMap<>();
        List<Future<?>> sending = new ArrayList<>();
        for (Message message : messages) {
            sending.add(load.submit(() -> {
                answered2xx.put(message, sendOnce(message));
                return null;
            }));
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> answered2xx.values().stream().filter(ok -> ok).count() >= messages.size() / 5);
        platform.kill();
        for (Future<?> sent : sending) {
            sent.get(60, TimeUnit.SECONDS);
        }
        List<Message> unanswered = messages.stream().filter(message -> !answered2xx.get(message)).toList();
        assertFalse(unanswered.isEmpty(), "the kill came while messages were still being taken in");

        platform = PlatformProcess.start(data, settings);
        Set<String> stored = texts(api().requests("webhook"));
        stored.addAll(texts(api().requests("sms")));
        for (Message message : messages) {
            if (answered2xx.get(message)) {
                assertTrue(stored.contains(message.text()), message.text() + " was answered 2xx, then lost");
            }
        }

        // Twilio and a CRM send again what got no 2xx; sending the answered ones again too shows a repeat is harmless.
        for (Message message : messages) {
            assertTrue(sendOnce(message), message.text() + " was refused when sent again");
        }
        for (String channel : List.of("webhook", "sms")) {
            List<JsonNode> requests = api().requests(channel);
            Map<String, Long> timesByText = requests.stream()
                    .collect(Collectors.groupingBy(request -> request.path("text").asText(), Collectors.counting()));
            assertEquals(PER_CHANNEL, requests.size(), channel + ": one request per message, " + timesByText);
            timesByText.forEach((text, times) -> assertEquals(1L, times, text + " was taken in twice"));
            requests.forEach(request -> idByText.put(request.path("text").asText(), request.path("id").asText()));
        }
    }

    @Test
    @Order(2)
    void agentsBecomingAvailableAtTheKillEachHoldTheirOwnRequestsAndAllAreAssignedOnce() throws Exception {
        int total = idByText.size();
        for (String agent : AGENTS) {
            load.submit(() -> {
                api().presence(agent, "AVAILABLE");
                return null;
            });
        }
        int[] assignedAtKill = new int[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            assignedAtKill[0] = api().queue().path("counts").path("ASSIGNED").asInt();
            return assignedAtKill[0] > 0;
        });
        platform.kill();
        assertTrue(assignedAtKill[0] < total, "the kill came while requests were being assigned");

        platform = PlatformProcess.start(data, settings);
        for (String agent : AGENTS) {
            // Whoever's click got no answer clicks again; for the others it changes nothing.
            api().presence(agent, "AVAILABLE");
        }
        await().atMost(PATIENCE).until(() -> api().queue().path("counts").path("ASSIGNED").asInt() == total);
        Map<String, String> holder = new HashMap<>();
        for (String agent : AGENTS) {
            List<JsonNode> held = api().myRequests(agent);
            assertTrue(held.size() <= CAPACITY, agent + " holds more than their capacity: " + held.size());
            for (JsonNode request : held) {
                String earlier = holder.put(request.path("id").asText(), agent);
                assertEquals(null, earlier, request.path("id").asText() + " is held by " + earlier + " and " + agent);
            }
        }
        assertEquals(total, holder.size(), "every request is held by an agent");
        inParallel(idByText.values(), id -> {
            JsonNode request = api().request(id);
            List<String> assignments = eventsOf(request, "ASSIGNED");
            assertEquals(List.of(holder.get(id)), assignments, request.path("reference") + " was assigned "
                    + assignments);
        });
    }

    @Test
    @Order(3)
    void answersBeingSentAtTheKillAreAllDeliveredAndRepeatsCarryTheSameKey() throws Exception {
        // A slow CRM keeps callbacks in flight, so the kill finds deliveries claimed and half-sent.
        answers.answerSlowly(100);
        Map<String, Integer> replyStatus = new ConcurrentHashMap<>();
        List<Future<?>> replying = new ArrayList<>();
        for (String agent : AGENTS) {
            for (JsonNode request : api().myRequests(agent)) {
                String id = request.path("id").asText();
                replying.add(load.submit(() -> {
                    replyStatus.put(id, replyOnce(agent, id, answerTo(request.path("text").asText())));
                    return null;
                }));
            }
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> answers.distinctAnswers() + TwilioStandIn.messagesSent().size() >= 10);
        platform.kill();
        for (Future<?> replied : replying) {
            replied.get(60, TimeUnit.SECONDS);
        }
        assertTrue(answers.distinctAnswers() < PER_CHANNEL || TwilioStandIn.messagesSent().size() < PER_CHANNEL,
                "the kill came while answers were being sent");

        platform = PlatformProcess.start(data, settings);
        answers.answerSlowly(0);
        // An agent whose reply got no answer sends it again: stored now, or already stored (409: no longer theirs).
        inParallel(replyStatus.entrySet().stream().filter(reply -> reply.getValue() != 201).toList(), reply -> {
            JsonNode request = api().request(reply.getKey());
            int again = api().reply(request.path("assignedTo").asText(), reply.getKey(),
                    answerTo(request.path("text").asText()));
            assertTrue(again == 201 || again == 409, "the reply to " + reply.getKey() + " sent again answered " + again);
        });
        Set<String> webhookReferences = new HashSet<>();
        api().requests("webhook").forEach(request -> webhookReferences.add(request.path("reference").asText()));
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(webhookReferences, answers.referencesAnswered()));
        assertEquals(PER_CHANNEL, answers.distinctAnswers(), "one answer per request, repeats under the same key");
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(PER_CHANNEL,
                TwilioStandIn.messagesSent().stream().map(sent -> sent.field("To")).distinct().count()));
        inParallel(TwilioStandIn.messagesSent(), sent ->
                assertEquals(2, Senders.smsDelivered(platform.baseUrl(), sent.sid()) / 100, "Twilio's status callback"));
        for (String channel : List.of("webhook", "sms")) {
            await().atMost(PATIENCE).untilAsserted(() -> assertEquals(List.of(),
                    api().requests(channel).stream().filter(request -> !"DELIVERED".equals(
                            request.path("status").asText())).map(request -> request.path("reference")).toList()));
        }
        inParallel(idByText.values(), id -> {
            JsonNode request = api().request(id);
            assertEquals(1, request.path("replies").size(), request.path("reference") + " was answered twice");
            assertEquals(answerTo(request.path("text").asText()), request.path("replies").get(0).path("text").asText());
        });
        System.out.printf("Deliveries after the kill: %d callbacks repeated (same Idempotency-Key), %d SMS sent twice%n",
                answers.repeats(), TwilioStandIn.messagesSent().size() - PER_CHANNEL);
    }

    @Test
    @Order(4)
    void smsAnswersOutlastTwilioAnswering503AndAllGoOutAfterwards() throws Exception {
        TwilioStandIn.reset();
        for (int i = 0; i < 5_000; i++) {
            TwilioStandIn.answerNext(503, "{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}");
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String from = "+1555020%04d".formatted(i);
            customers.add(from);
            assertEquals(200, Senders.sms(platform.baseUrl(), "SM%032d".formatted(1_000 + i), from, "outage " + i));
        }
        Map<String, String> holderById = new HashMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String agent : AGENTS) {
                api().myRequests(agent).forEach(request -> holderById.put(request.path("id").asText(), agent));
            }
            assertEquals(customers.size(), holderById.size());
        });
        holderById.forEach((id, agent) -> {
            try {
                assertEquals(201, api().reply(agent, id, "after the outage"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // Four failed attempts each: with back-off doubling from 200 ms, the outage spans several rounds of retries.
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String id : holderById.keySet()) {
                assertTrue(eventsOf(api().request(id), "DELIVERY_ATTEMPT").size() >= 4);
            }
        });
        for (String id : holderById.keySet()) {
            JsonNode request = api().request(id);
            assertEquals("PENDING", request.path("deliveries").get(0).path("status").asText());
            List<Instant> attempts = StreamSupport.stream(request.path("events").spliterator(), false)
                    .filter(event -> "DELIVERY_ATTEMPT".equals(event.path("type").asText()))
                    .map(event -> OffsetDateTime.parse(event.path("at").asText()).toInstant())
                    .toList();
            assertTrue(Duration.between(attempts.get(0), attempts.get(3)).toMillis() >= 1_000,
                    "retries back off: " + attempts);
        }
        TwilioStandIn.reset();
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(Set.copyOf(customers),
                TwilioStandIn.messagesSent().stream().map(sent -> sent.field("To")).collect(Collectors.toSet())));
        for (String id : holderById.keySet()) {
            await().atMost(PATIENCE).untilAsserted(() -> assertEquals("SENT",
                    api().request(id).path("deliveries").get(0).path("status").asText()));
        }
    }

    @Test
    @Order(5)
    void spokenRequestsBeingTranscribedAtTheKillAreTranscribedAfterTheRestart() throws Exception {
        for (String agent : AGENTS) {
            api().presence(agent, "AWAY");
        }
        await().atMost(Duration.ofSeconds(120)).until(this::speechReady);
        List<String> callSids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callSids.add("CA%032d".formatted(i));
            assertEquals(200, Senders.recorded(platform.baseUrl(), callSids.get(i), "+1555030%04d".formatted(i)));
        }
        // Two recordings at a time on two cores: when the first is done, the others are being transcribed or waiting.
        long[] untranscribedAtKill = new long[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<JsonNode> voice = api().requests("voice");
            untranscribedAtKill[0] = voice.stream().filter(request -> !transcribed(request)).count();
            return untranscribedAtKill[0] < voice.size();
        });
        platform.kill();
        assertTrue(untranscribedAtKill[0] > 0, "the kill came while recordings were being transcribed");

        platform = PlatformProcess.start(data, settings);
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            List<JsonNode> voice = api().requests("voice");
            assertEquals(callSids.size(), voice.size());
            for (JsonNode request : voice) {
                assertEquals("QUEUED", request.path("status").asText(), request.toString());
                assertTrue(transcribed(request), request.toString());
            }
        });
    }

    @Test
    @Order(6)
    void aLiveCallConnectedAtTheKillEndsAsOneAnsweredRequestAndAnAgentRungAtTheKillIsNotHeldForever() throws Exception {
        // The queued voice requests go to ada, so the agents with phones are idle for live calls.
        api().presence("ada", "AVAILABLE");
        await().atMost(PATIENCE).until(() -> api().queue().path("counts").path("QUEUED").asInt() == 0);
        api().presence("ada", "AWAY");
        // This step is about live calls across a kill: calls go straight to the live dial, not through the shipped
        // flow that now answers every call first (VoiceCallsRunTheConversationFlowTest covers that one).
        api().deactivateFlow("answers");
        api().createAgentWithPhone("dee", "+15550400001");
        api().createAgentWithPhone("eve", "+15550400002");
        api().presence("dee", "AVAILABLE");
        api().presence("eve", "AVAILABLE");

        String connected = Senders.call(platform.baseUrl(), "CA-live-connected", "+15550410001");
        assertTrue(connected.contains("<Dial"), connected);
        assertTrue(Senders.agentPickedUp(platform.baseUrl(), reservationIn(connected), "CA-live-connected")
                .contains("<Response"));
        String ringing = Senders.call(platform.baseUrl(), "CA-live-ringing", "+15550410002");
        assertTrue(ringing.contains("<Dial"), "the second agent's phone rings: " + ringing);
        platform.kill();

        platform = PlatformProcess.start(data, settings);
        // The conversation went on while the node was down; Twilio reports its end to the restarted node. The call
        // still ringing at the kill never reports back (its action URL died with the node): its hold must lapse.
        String goodbye = Senders.dialEnded(platform.baseUrl(), "CA-live-connected", "completed");
        assertTrue(goodbye.contains("<Hangup"), goodbye);
        List<JsonNode> live = api().requests("voice").stream()
                .filter(request -> request.path("text").asText().startsWith("Live call")).toList();
        assertEquals(1, live.size(), "one request for the live call: " + live);
        assertEquals("DELIVERED", live.get(0).path("status").asText(), "answered live: " + live.get(0));
        int[] call = new int[1];
        for (int agent = 0; agent < 2; agent++) {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Senders.call(platform.baseUrl(), "CA-live-after-" + call[0]++, "+15550420001").contains("<Dial"));
        }
    }

    private static String reservationIn(String twiml) {
        java.util.regex.Matcher reservation = java.util.regex.Pattern.compile("reservation=([0-9a-f-]{36})")
                .matcher(twiml);
        assertTrue(reservation.find(), twiml);
        return reservation.group(1);
    }

    private static boolean transcribed(JsonNode request) {
        return request.path("text").isTextual() && !request.path("text").asText().isBlank();
    }

    private boolean speechReady() {
        try {
            JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    java.net.URI.create(platform.baseUrl() + "/q/health/ready").toURL());
            return StreamSupport.stream(health.path("checks").spliterator(), false)
                    .anyMatch(check -> "READY".equals(check.path("data").path("state").asText()));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private boolean sendOnce(Message message) {
        try {
            return message.send(platform.baseUrl(), answers.url()) / 100 == 2;
        } catch (Exception e) {
            // No answer at all: the node died with the call open. The sender will try again.
            return false;
        }
    }

    private int replyOnce(String agent, String id, String text) {
        try {
            return api().reply(agent, id, text);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Many API calls at once, as several agents and providers make them; the first failure fails the test. */
    private <T> void inParallel(java.util.Collection<T> items, Check<T> check) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(load.submit(() -> {
                check.on(item);
                return null;
            }));
        }
        for (Future<?> done : running) {
            try {
                done.get(2, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
        }
    }

    private interface Check<T> {
        void on(T item) throws Exception;
    }

    private static String answerTo(String text) {
        return "answer to " + text;
    }

    private static List<String> eventsOf(JsonNode request, String type) {
        return StreamSupport.stream(request.path("events").spliterator(), false)
                .filter(event -> type.equals(event.path("type").asText()))
                .map(event -> event.path("detail").asText())
                .toList();
    }

    private static Set<String> texts(List<JsonNode> requests) {
        return requests.stream().map(request -> request.path("text").asText()).collect(Collectors.toCollection(HashSet::new));
    }

    private AgentApi api() {
        return AgentApi.of(platform);
    }
}
