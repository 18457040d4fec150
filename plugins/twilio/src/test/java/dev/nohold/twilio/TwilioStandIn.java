package dev.nohold.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's REST API as the Twilio channels see it, on 127.0.0.1: the Messages resource answers 201 with a message
 * resource, or the scripted error; the Calls resource answers 201 with a call; a recording {@code RE…} is served as
 * the test classpath's {@code /speech/ulaw-8000-mono.wav} (a sid starting {@code REbroken} answers 500,
 * {@code REgone} 404, {@code REgarbled} 200 with bytes that are no recording); both
 * creations answer a scripted error instead when told to ({@link #answerNext}, {@link #answerNextCall}); any call
 * without the account's credentials is refused (401, Twilio's code 20003). An MMS media {@code ME…} is served as
 * {@code /speech/compressed/mms.amr} ({@code MEviaCdn…} first redirects, as Twilio does, to a CDN path on the same
 * server that needs no credentials; {@code MEtooLarge…} is 6 MB). Every call that reached it is kept,
 * including refused ones. Shared with the voice channel's tests through this module's test-jar.
 */
public class TwilioStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "test-auth-token-for-signatures";
    public static final String OUR_NUMBER = "+15005550006";
    public static final String ACCOUNT = "/2010-04-01/Accounts/" + ACCOUNT_SID;
    private static final String RECORDING_FIXTURE = "/speech/ulaw-8000-mono.wav";
    private static final String MMS_FIXTURE = "/speech/compressed/mms.amr";
    private static final String CDN = "/cdn/media/";

    private static HttpServer server;
    private static final List<Call> calls = new CopyOnWriteArrayList<>();
    private static final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private static final Queue<Answer> scriptedCalls = new ConcurrentLinkedQueue<>();

    /**
     * One request to the stand-in: where it went, whether its credentials were right, its form fields, and the sid
     * of the message it created (null when it was refused).
     */
    public record Call(String method, String path, boolean authorized, Map<String, String> form, String sid) {
        public String field(String name) {
            return form.get(name);
        }
    }

    private record Answer(int status, String json) {
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("The Twilio stand-in could not listen", e);
            }
            server.createContext("/", TwilioStandIn::handle);
            server.start();
        }
        return Map.of("nohold.twilio.api-url", baseUrl());
    }

    @Override
    public void stop() {
        // kept for the whole run, like the database: every test class shares it
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The calls that asked for a message to be sent with the account's credentials. */
    public static List<Call> messagesSent() {
        return calls.stream().filter(call -> call.authorized() && call.path().endsWith("/Messages.json")).toList();
    }

    /** The calls that asked for a (callback) call to be placed with the account's credentials. */
    public static List<Call> callsPlaced() {
        return calls.stream().filter(call -> call.authorized() && call.path().endsWith("/Calls.json")).toList();
    }

    /** Every download of a recording, authorized or not. */
    public static List<Call> recordingFetches() {
        return calls.stream().filter(call -> call.path().contains("/Recordings/")).toList();
    }

    /** Every download of an MMS media, from the API or the CDN, authorized or not. */
    public static List<Call> mediaFetches() {
        return calls.stream().filter(call -> call.path().contains("/Media/") || call.path().startsWith(CDN)).toList();
    }

    /** The URL Twilio would send as MediaUrl0 for this media of this message. */
    public static String mediaUrl(String messageSid, String mediaSid) {
        return baseUrl() + ACCOUNT + "/Messages/" + messageSid + "/Media/" + mediaSid;
    }

    /** The bytes every MMS media is served as: an AMR voice message. */
    public static byte[] mmsVoiceMessage() throws IOException {
        try (InputStream in = TwilioStandIn.class.getResourceAsStream(MMS_FIXTURE)) {
            if (in == null) {
                throw new IOException("No " + MMS_FIXTURE + " on the test classpath");
            }
            return in.readAllBytes();
        }
    }

    /** The URL Twilio would send as RecordingUrl for this recording. */
    public static String recordingUrl(String recordingSid) {
        return baseUrl() + ACCOUNT + "/Recordings/" + recordingSid;
    }

    /** The bytes every recording is served as. */
    public static byte[] recording() throws IOException {
        try (InputStream in = TwilioStandIn.class.getResourceAsStream(RECORDING_FIXTURE)) {
            if (in == null) {
                throw new IOException("No " + RECORDING_FIXTURE + " on the test classpath");
            }
            return in.readAllBytes();
        }
    }

    public static List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The next message creation gets this answer instead of 201. */
    public static void answerNext(int status, String json) {
        scripted.add(new Answer(status, json));
    }

    /** The next call creation (a callback call) gets this answer instead of 201. */
    public static void answerNextCall(int status, String json) {
        scriptedCalls.add(new Answer(status, json));
    }

    /**
     * The {@code X-Twilio-Signature} Twilio puts on a webhook to {@code url} with these form fields: HMAC-SHA1 with the
     * auth token of the URL followed by each field's name and value, sorted by name.
     */
    public static String signature(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JVM", e);
        }
    }

    public static void reset() {
        calls.clear();
        scripted.clear();
        scriptedCalls.clear();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        boolean authorized = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(CDN)) {
            // Twilio's CDN copy: its signed URL is the credential, so it is served to anyone.
            calls.add(new Call("GET", path, authorized, form, null));
            respond(exchange, 200, "audio/amr", mmsVoiceMessage());
        } else if (!authorized) {
            calls.add(new Call(exchange.getRequestMethod(), path, false, form, null));
            respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":"
                    + "\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(ACCOUNT + "/Recordings/")
                && path.endsWith(".wav")) {
            calls.add(new Call("GET", path, true, form, null));
            if (path.contains("/REbroken")) {
                respond(exchange, 500, "{\"code\":20500,\"status\":500}");
            } else if (path.contains("/REgone")) {
                respond(exchange, 404, "{\"code\":20404,\"status\":404}");
            } else if (path.contains("/REgarbled")) {
                respond(exchange, 200, "audio/x-wav", "RIFF\0\0\0\0WAVEnot a recording at all".getBytes(
                        StandardCharsets.US_ASCII));
            } else {
                respond(exchange, 200, "audio/x-wav", recording());
            }
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(ACCOUNT + "/Messages/")
                && path.contains("/Media/ME")) {
            calls.add(new Call("GET", path, true, form, null));
            String mediaSid = path.substring(path.lastIndexOf('/') + 1);
            if (mediaSid.startsWith("MEviaCdn")) {
                // Another host name for the same server, as Twilio's CDN is another host than its API.
                exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + CDN
                        + mediaSid + "?Expires=60&Signature=x");
                respond(exchange, 307, "text/plain", new byte[0]);
            } else if (mediaSid.startsWith("MEtooLarge")) {
                respond(exchange, 200, "audio/amr", new byte[6 * 1024 * 1024]);
            } else {
                respond(exchange, 200, "audio/amr", mmsVoiceMessage());
            }
        } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(ACCOUNT + "/Calls.json")
                && !scriptedCalls.isEmpty()) {
            Answer answer = scriptedCalls.poll();
            calls.add(new Call("POST", path, true, form, null));
            respond(exchange, answer.status(), answer.json());
        } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(ACCOUNT + "/Calls.json")) {
            String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
            calls.add(new Call("POST", path, true, form, sid));
            respond(exchange, 201, resource(sid, "Calls", form));
        } else if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(ACCOUNT + "/Messages.json")) {
            calls.add(new Call(exchange.getRequestMethod(), path, true, form, null));
            respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource " + path
                    + " was not found\",\"status\":404}");
        } else {
            Answer answer = scripted.poll();
            if (answer != null) {
                calls.add(new Call("POST", path, true, form, null));
                respond(exchange, answer.status(), answer.json());
            } else {
                String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
                calls.add(new Call("POST", path, true, form, sid));
                respond(exchange, 201, message(sid, form));
            }
        }
    }

    private static String resource(String sid, String kind, Map<String, String> form) {
        return """
                {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "status": "queued",
                 "direction": "outbound-api", "api_version": "2010-04-01",
                 "uri": "%s/%s/%s.json"}""".formatted(sid, ACCOUNT_SID, form.get("To"), form.get("From"),
                ACCOUNT, kind, sid);
    }

    private static String message(String sid, Map<String, String> form) {
        return """
                {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "body": %s, "status": "queued",
                 "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01", "price": null,
                 "error_code": null, "error_message": null,
                 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(sid, ACCOUNT_SID, form.get("To"), form.get("From"), quoted(form.get("Body")),
                        ACCOUNT_SID, sid);
    }

    private static String quoted(String text) {
        return "\"" + (text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                + "\"";
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

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
