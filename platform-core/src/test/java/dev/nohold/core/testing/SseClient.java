package dev.nohold.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * A server-sent events client as a browser's EventSource is one: it reads {@code GET /api/events} line by line and
 * keeps each event's id, data (parsed JSON) and the moment it arrived. Opening returns once the stream answered
 * (its first heartbeat), so a change made afterwards is certain to be heard.
 */
public final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event as received. */
    public record Received(String id, JsonNode data, Instant receivedAt, List<String> fields) {
        public String type() {
            return data.path("type").asText(null);
        }

        public String requestId() {
            return data.path("requestId").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final List<Received> queueFigures = new CopyOnWriteArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile int status;
    private volatile InputStream body;
    private final Thread reader;

    private SseClient(URI uri, String username, String password, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        reader = Thread.ofPlatform().daemon().name("sse-client-" + username).start(() -> read(request.build()));
    }

    /** Opens {@code baseUrl + /api/events} as the given account and waits until the stream answered. */
    public static SseClient open(String baseUrl, String username, String password) {
        return open(baseUrl, username, password, null);
    }

    public static SseClient open(String baseUrl, String username, String password, String lastEventId) {
        SseClient client = new SseClient(URI.create(baseUrl + "/api/events"), username, password, lastEventId);
        try {
            if (!client.opened.await(20, TimeUnit.SECONDS)) {
                client.close();
                throw new IllegalStateException("The event stream did not open within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (client.status != 200) {
            client.close();
            throw new IllegalStateException("The event stream answered " + client.status);
        }
        return client;
    }

    /** The queue's figures received so far (events named {@code queue}, which EventSource's onmessage skips). */
    public List<Received> queueFigures() {
        return List.copyOf(queueFigures);
    }

    /** Every unnamed event received so far (what an EventSource's onmessage hears), in order. */
    public List<Received> events() {
        return List.copyOf(events);
    }

    public List<String> types() {
        return events.stream().map(Received::type).toList();
    }

    /** Waits for the first event matching, and returns it. */
    public Received await(Duration patience, Predicate<Received> wanted) {
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(5))
                .until(() -> events.stream().anyMatch(wanted));
        return events.stream().filter(wanted).findFirst().orElseThrow();
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            if (status != 200) {
                opened.countDown();
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                opened.countDown();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Received received = new Received(id, JSON.readTree(String.join("\n", data)), Instant.now(),
                                List.copyOf(fields));
                        ("queue".equals(name) ? queueFigures : events).add(received);
                    }
                    id = null;
                    name = null;
                    data.clear();
                    fields.clear();
                }
                if (!line.isEmpty() && !line.startsWith(":")) {
                    fields.add(line.substring(0, Math.max(0, line.indexOf(':'))));
                }
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            if (body != null) {
                return;
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opened.countDown();
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException ignored) {
            // closing a stream the server may already have ended
        }
        reader.interrupt();
    }
}
