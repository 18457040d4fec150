package dev.nohold.app;

import dev.nohold.twilio.TwilioStandIn;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * What a chaos run recorded from outside (each message sent, which got a 2xx, what the receivers got, when nodes
 * died) and, at the end, the platform's own record in PostgreSQL (requests, replies and each request's event
 * timeline); {@link #violations()} checks one against the other.
 */
final class ChaosHistory {

    /** A customer's message: its channel, the provider's id for it (kept on every retry), its sender and text. */
    record Message(String channel, String key, String from, String text) {
    }

    private record StoredRequest(String id, String reference, String channel, String address, String status,
                                 String text) {
    }

    private record Event(String type, String detail) {
    }

    private final Map<String, Message> sentByText = new ConcurrentHashMap<>();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> replies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> chaos = new ConcurrentLinkedQueue<>();
    private volatile long started = System.nanoTime();
    private Set<String> webhookReferencesAnswered = Set.of();
    private int callbackRepeats;
    private Set<String> smsNumbersAnswered = Set.of();
    private int smsSent;
    private final List<StoredRequest> stored = new ArrayList<>();
    private final Map<String, List<Event>> timelines = new HashMap<>();
    private final Map<String, Integer> repliesByRequest = new HashMap<>();

    /** The chaos timeline counts from here: the load's start. */
    void loadStarts() {
        started = System.nanoTime();
    }

    void sent(Message message) {
        sentByText.put(message.text(), message);
    }

    void taken(Message message) {
        taken.add(message.text());
    }

    /** A call that got no 2xx: its status, or -1 when the node did not answer at all. */
    void refused(int status) {
        refusals.merge(status, 1, Integer::sum);
    }

    void replied(int status) {
        replies.merge(status, 1, Integer::sum);
    }

    void chaos(String what) {
        chaos.add("%.1fs %s".formatted((System.nanoTime() - started) / 1e9, what));
    }

    /** Whether every message taken in has had its answer arrive at the CRM or at Twilio. */
    boolean everyAnswerArrived(AnswerReceiver answers, List<TwilioStandIn.Call> sms) {
        long webhookTaken = taken.stream().filter(text -> sentByText.get(text).channel().equals("webhook")).count();
        Set<String> numbers = sms.stream().map(call -> call.field("To")).collect(Collectors.toSet());
        return answers.distinctAnswers() >= webhookTaken && numbers.size() >= taken.size() - webhookTaken;
    }

    void recordDeliveries(AnswerReceiver answers, List<TwilioStandIn.Call> sms) {
        webhookReferencesAnswered = answers.referencesAnswered();
        callbackRepeats = answers.repeats();
        smsNumbersAnswered = sms.stream().map(call -> call.field("To")).collect(Collectors.toSet());
        smsSent = sms.size();
    }

    void recordDatabase(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery(
                    "select id, reference, channel, customer_address, status, text from customer_request")) {
                while (rows.next()) {
                    stored.add(new StoredRequest(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
            try (ResultSet rows = sql.executeQuery(
                    "select request_id, type, detail from request_event order by request_id, at, id")) {
                while (rows.next()) {
                    timelines.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(new Event(rows.getString(2), rows.getString(3)));
                }
            }
            try (ResultSet rows = sql.executeQuery("select request_id, count(*) from reply group by request_id")) {
                while (rows.next()) {
                    repliesByRequest.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
    }

    /** Everything a customer or an agent would notice went wrong; empty when the run was clean. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        Map<String, List<StoredRequest>> byText = stored.stream()
                .collect(Collectors.groupingBy(request -> String.valueOf(request.text())));
        for (String text : taken) {
            if (!byText.containsKey(text)) {
                violations.add("lost after a 2xx: " + text);
            }
        }
        sentByText.keySet().stream().filter(text -> !taken.contains(text))
                .forEach(text -> violations.add("never taken in, however often sent: " + text));
        byText.forEach((text, requests) -> {
            if (requests.size() > 1) {
                violations.add("one message made " + requests.size() + " requests: " + text);
            }
        });
        if (refusals.containsKey(500) || replies.containsKey(500)) {
            // A 500 says "our bug"; during an outage the contract answers 503, which senders know to retry.
            violations.add("answered 500: " + refusals.getOrDefault(500, 0) + " messages, " + replies.getOrDefault(500, 0)
                    + " replies");
        }
        for (StoredRequest request : stored) {
            String holding = heldTwice(timelines.getOrDefault(request.id(), List.of()));
            if (holding != null) {
                violations.add(request.reference() + " held by two agents at once: " + holding);
            }
            int answers = repliesByRequest.getOrDefault(request.id(), 0);
            if (answers != 1) {
                violations.add(request.reference() + " answered " + answers + " times");
            }
            boolean arrived = request.channel().equals("webhook")
                    ? webhookReferencesAnswered.contains(request.reference())
                    : smsNumbersAnswered.contains(request.address());
            if (!arrived) {
                violations.add(request.reference() + " (" + request.channel() + "): its answer never arrived");
            }
            if (!"DELIVERED".equals(request.status())) {
                violations.add(request.reference() + " stuck in " + request.status());
            }
        }
        return violations;
    }

    /** The agents holding the request at once, from its timeline; null when it was never held twice. */
    private static String heldTwice(List<Event> timeline) {
        String holder = null;
        for (Event event : timeline) {
            switch (event.type()) {
                case "ASSIGNED" -> {
                    if (holder != null) {
                        return holder + " and " + event.detail();
                    }
                    holder = event.detail();
                }
                case "REQUEUED", "QUEUED", "ANSWERED", "CANCELLED" -> holder = null;
                default -> {
                }
            }
        }
        return null;
    }

    String summary() {
        Map<String, Long> byStatus = stored.stream()
                .collect(Collectors.groupingBy(StoredRequest::status, Collectors.counting()));
        return """
                Chaos run: %d messages sent, %d taken in, %d requests stored %s
                  refused calls before a 2xx (status → count, -1 = no answer): %s
                  agents' replies (status → count; 409 = stored before a crash, sent again): %s
                  webhook answers repeated under the same Idempotency-Key: %d; SMS sent: %d for %d numbers
                  chaos (from the load's start): %s""".formatted(sentByText.size(), taken.size(), stored.size(), byStatus, refusals, replies,
                callbackRepeats, smsSent, smsNumbersAnswered.size(), String.join(", ", chaos));
    }
}
