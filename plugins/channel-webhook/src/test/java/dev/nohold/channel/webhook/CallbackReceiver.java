package dev.nohold.channel.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A caller's callback endpoint for tests: a real HTTP server on 127.0.0.1 that keeps every call it gets and answers
 * with the statuses it is told to, in order, then 200.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One call as the receiver saw it: its headers (names in lower case), its exact body and when it came. */
    record Call(Map<String, String> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private volatile Duration stall = Duration.ZERO;

    private CallbackReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static CallbackReceiver start() throws IOException {
        return new CallbackReceiver(0);
    }

    /** Starts on a given port: a receiver that was down comes back where the caller said it would be. */
    static CallbackReceiver startOn(int port) throws IOException {
        return new CallbackReceiver(port);
    }

    /** The next calls are answered with these statuses, in order. */
    CallbackReceiver answering(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** Every call not scripted by {@link #answering} gets this status. */
    CallbackReceiver otherwise(int status) {
        otherwise = status;
        return this;
    }

    /** Every call waits this long before it is answered: a receiver too slow for the caller's timeout. */
    CallbackReceiver stalling(Duration wait) {
        stall = wait;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/nohold/answers";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            headers.put(":method", exchange.getRequestMethod());
            headers.put(":path", exchange.getRequestURI().getPath());
            calls.add(new Call(Map.copyOf(headers), body, Instant.now()));
            if (!stall.isZero()) {
                try {
                    Thread.sleep(stall);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Integer scripted = statuses.poll();
            int status = scripted != null ? scripted : otherwise;
            byte[] answer = (status >= 300 ? "{\"error\":\"receiver says " + status + "\"}" : "{}").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
