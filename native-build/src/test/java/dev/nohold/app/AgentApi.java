package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The agent and supervisor API of one node, as an API client (HTTP Basic) uses it; safe to share between threads. */
final class AgentApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    AgentApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static AgentApi of(PlatformProcess node) {
        return new AgentApi(node.baseUrl());
    }

    void createAgent(String username, int capacity) throws Exception {
        expect(201, send("admin", Senders.ADMIN_PASSWORD, "POST", "/api/admin/agents",
                Map.of("username", username, "password", Senders.AGENT_PASSWORD, "capacity", capacity)));
    }

    void createAgentWithPhone(String username, String phone) throws Exception {
        expect(201, send("admin", Senders.ADMIN_PASSWORD, "POST", "/api/admin/agents",
                Map.of("username", username, "password", Senders.AGENT_PASSWORD, "phone", phone, "capacity", 10)));
    }

    void presence(String username, String status) throws Exception {
        expect(200, send(username, Senders.AGENT_PASSWORD, "PUT", "/api/me/presence", Map.of("status", status)));
    }

    /** An admin stops a conversation flow: customers it served are taken in as without it. */
    void deactivateFlow(String id) throws Exception {
        expect(200, send("admin", Senders.ADMIN_PASSWORD, "POST", "/api/flows/" + id + "/deactivate", Map.of()));
    }

    /** The status code of an agent's reply: 201 stored, 409 when the request is no longer theirs to answer. */
    int reply(String username, String requestId, String text) throws Exception {
        return send(username, Senders.AGENT_PASSWORD, "POST", "/api/requests/" + requestId + "/reply",
                Map.of("text", text)).statusCode();
    }

    List<JsonNode> myRequests(String username) throws Exception {
        return list(get(username, Senders.AGENT_PASSWORD, "/api/me/requests"));
    }

    JsonNode request(String id) throws Exception {
        return get("admin", Senders.ADMIN_PASSWORD, "/api/requests/" + id);
    }

    /** Every request of a channel, as a supervisor lists them, page by page. */
    List<JsonNode> requests(String channel) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonNode> some = list(get("admin", Senders.ADMIN_PASSWORD,
                    "/api/requests?channel=" + channel + "&size=500&page=" + page));
            all.addAll(some);
            if (some.size() < 500) {
                return all;
            }
        }
    }

    JsonNode queue() throws Exception {
        return get("admin", Senders.ADMIN_PASSWORD, "/api/queue");
    }

    private JsonNode get(String username, String password, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(username, password, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(200, response);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String username, String password, String method, String path, Object body)
            throws Exception {
        return HTTP.send(authorized(username, password, path).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String username, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
