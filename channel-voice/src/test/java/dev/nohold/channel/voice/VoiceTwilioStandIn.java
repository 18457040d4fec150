package dev.nohold.channel.voice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's REST API as the voice channel sees it, on 127.0.0.1: the Calls and Messages resources answer 201, a
 * recording {@code RE…} is served as the 8 kHz μ-law fixture (a sid starting {@code REbroken} answers 500), and any
 * call without the account's credentials gets 401. Every call that reached it is kept.
 *
 * <p>The SMS module's stand-in knows Messages only and is package-private there; this one adds Calls and recordings.
 */
public class VoiceTwilioStandIn implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "test-auth-token-for-signatures";
    static final String ACCOUNT = "/2010-04-01/Accounts/" + ACCOUNT_SID;

    private static HttpServer server;
    private static final List<Call> calls = new CopyOnWriteArrayList<>();

    record Call(String method, String path, boolean authorized, Map<String, String> form, String sid) {
        String field(String name) {
            return form.get(name);
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("The Twilio stand-in could not listen", e);
            }
            server.createContext("/", VoiceTwilioStandIn::handle);
            server.start();
        }
        return Map.of("nohold.twilio.api-url", baseUrl());
    }

    @Override
    public void stop() {
        // kept for the whole run, like the database
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL Twilio would send as RecordingUrl for this recording. */
    static String recordingUrl(String recordingSid) {
        return baseUrl() + ACCOUNT + "/Recordings/" + recordingSid;
    }

    static List<Call> callsPlaced() {
        return calls.stream().filter(c -> c.authorized() && c.path().endsWith("/Calls.json")).toList();
    }

    static List<Call> messagesSent() {
        return calls.stream().filter(c -> c.authorized() && c.path().endsWith("/Messages.json")).toList();
    }

    static List<Call> recordingFetches() {
        return calls.stream().filter(c -> c.path().contains("/Recordings/")).toList();
    }

    static void reset() {
        calls.clear();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        boolean authorized = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!authorized) {
            calls.add(new Call(method, path, false, form, null));
            respond(exchange, 401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"
                    .getBytes(StandardCharsets.UTF_8));
        } else if ("GET".equals(method) && path.startsWith(ACCOUNT + "/Recordings/") && path.endsWith(".wav")) {
            calls.add(new Call(method, path, true, form, null));
            if (path.contains("/REbroken")) {
                respond(exchange, 500, "application/json", "{\"status\":500}".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 200, "audio/x-wav", fixture());
            }
        } else if ("POST".equals(method) && (path.equals(ACCOUNT + "/Calls.json")
                || path.equals(ACCOUNT + "/Messages.json"))) {
            boolean isCall = path.endsWith("/Calls.json");
            String sid = (isCall ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", "");
            calls.add(new Call(method, path, true, form, sid));
            respond(exchange, 201, "application/json", resource(sid, isCall, form).getBytes(StandardCharsets.UTF_8));
        } else {
            calls.add(new Call(method, path, true, form, null));
            respond(exchange, 404, "application/json", "{\"code\":20404,\"status\":404}"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = VoiceTwilioStandIn.class.getResourceAsStream("/speech/ulaw-8000-mono.wav")) {
            return in.readAllBytes();
        }
    }

    private static String resource(String sid, boolean isCall, Map<String, String> form) {
        String kind = isCall ? "Calls" : "Messages";
        return """
                {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "status": "queued",
                 "direction": "outbound-api", "api_version": "2010-04-01",
                 "uri": "%s/%s/%s.json"}""".formatted(sid, ACCOUNT_SID, form.get("To"), form.get("From"),
                ACCOUNT, kind, sid);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
