package dev.nohold.channel.sms.bench;

import dev.nohold.twilio.TwilioStandIn;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The benchmark's load generator: signed Twilio SMS webhooks, each from a new texter, sent over {@code connections}
 * connections as fast as they are answered (a closed loop, as a provider's delivery workers behave).
 */
final class WebhookLoad {

    private static final String PUBLIC_URL = "https://help.example.test";
    private static final AtomicLong SENT = new AtomicLong();

    private final URI base;
    private final int connections;
    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    WebhookLoad(URI base, int connections, DataSource dataSource) {
        this.base = base;
        this.connections = connections;
        this.dataSource = dataSource;
    }

    /**
     * A round of {@code length} against {@code path}: the latencies, the CPU when {@code cpu} is given, and where the
     * endpoint's statement (the backends whose query is {@code like statementLike}) spent its time in PostgreSQL.
     */
    Round round(String path, Duration length, CpuMeter cpu, String statementLike) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        CpuMeter.Reading before = cpu == null ? null : cpu.read();
        try (DatabaseWaits waits = DatabaseWaits.of(dataSource, statementLike)) {
            Instant started = Instant.now();
            long until = System.nanoTime() + length.toNanos();
            List<Future<long[]>> runs = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                runs.add(senders.submit(() -> {
                    long[] latencies = new long[200_000];
                    int n = 0;
                    while (System.nanoTime() < until && n < latencies.length) {
                        latencies[n++] = send(path);
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Round round = new Round();
            for (Future<long[]> run : runs) {
                round.latencies.add(run.get());
            }
            round.seconds = length.toNanos() / 1e9;
            round.windows.add(new Round.Window(started, Instant.now()));
            round.waits = waits.stop();
            round.backends.add(waits.backends());
            if (before != null) {
                round.cpu = cpu.read().since(before);
            }
            return round;
        } finally {
            senders.shutdownNow();
        }
    }

    /** One signed webhook from a new texter; its latency in ns. Anything but 200 stops the benchmark. */
    long send(String path) throws Exception {
        long n = SENT.incrementAndGet();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM%032x".formatted(n));
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", "+1555%07d".formatted(n % 10_000_000));
        form.put("To", TwilioStandIn.OUR_NUMBER);
        form.put("Body", "My parcel has not arrived, can someone call me back?");
        form.put("NumMedia", "0");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioStandIn.signature(PUBLIC_URL + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }
}
