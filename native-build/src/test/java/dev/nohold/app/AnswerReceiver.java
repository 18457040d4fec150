package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM's endpoint for the webhook channel's answers, as a customer's system sees them: it counts each answer by its
 * {@code Idempotency-Key} (the delivery's id, the same on every retry), so a repeat is told from a second answer.
 * It can answer slowly, to keep deliveries in flight, or refuse, to make them retry.
 */
final class AnswerReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> timesByDelivery = new ConcurrentHashMap<>();
    private final Map<String, String> referenceByDelivery = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile long delayMillis;

    AnswerReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()));
        server.createContext("/answers", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                if (delayMillis > 0) {
                    // The answer is in flight on the platform's side for this long: what a slow CRM does.
                    Thread.sleep(delayMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int answer = status;
            if (answer == 200) {
                String delivery = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                JsonNode json = JSON.readTree(body);
                timesByDelivery.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
                referenceByDelivery.put(delivery, json.path("reference").asText());
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/answers";
    }

    void answerSlowly(long millis) {
        delayMillis = millis;
    }

    /** The references of the requests whose answer arrived (accepted with a 2xx), each counted once. */
    java.util.Set<String> referencesAnswered() {
        return java.util.Set.copyOf(referenceByDelivery.values());
    }

    int distinctAnswers() {
        return timesByDelivery.size();
    }

    /** Answers accepted more than once (a retry after a crash): the receiver drops them by their key. */
    int repeats() {
        return timesByDelivery.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
