package dev.nohold.channel.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nohold.tck.Delivered;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider's API on 127.0.0.1 for the tests: it keeps every message the platform sends and refuses the next ones
 * with the statuses it is told. Replace it with a stand-in of your own provider's API.
 */
public class ProviderStandIn implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private static final Queue<Integer> refusals = new ConcurrentLinkedQueue<>();

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("The provider stand-in could not listen", e);
            }
            server.createContext("/messages", ProviderStandIn::handle);
            server.start();
        }
        return Map.of("nohold.template.api-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    @Override
    public void stop() {
        // kept for the whole run
    }

    static List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    static void refuseNext(int status) {
        refusals.add(status);
    }

    static void reset() {
        delivered.clear();
        refusals.clear();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer refusal = refusals.poll();
        int status = refusal == null ? 201 : refusal;
        if (refusal == null) {
            JsonNode message = JSON.readTree(body);
            delivered.add(new Delivered(message.path("to").asText(), message.path("text").asText(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        }
        byte[] answer = (refusal == null ? "{\"status\":\"accepted\"}" : "{\"error\":\"refused with " + status
                + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
