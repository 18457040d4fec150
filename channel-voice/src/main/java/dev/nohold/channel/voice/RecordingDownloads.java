package dev.nohold.channel.voice;

import dev.nohold.twilio.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Downloads a caller's recording from Twilio as WAV ({@code RecordingUrl} + {@code .wav}, HTTP Basic with the account
 * SID and token). Only URLs on the configured Twilio API host are fetched: the URL comes from a webhook, and the
 * platform must never be made to send its credentials, or any request, elsewhere. A recording Twilio is still
 * finishing answers 404 for a moment, so every failure is tried again, a few times, with a short pause between attempts.
 */
@ApplicationScoped
public class RecordingDownloads {

    private static final Logger LOG = Logger.getLogger(RecordingDownloads.class);

    private final TwilioConfig twilio;
    private final VoiceConfig config;
    private final HttpClient http;

    public RecordingDownloads(TwilioConfig twilio, VoiceConfig config) {
        this.twilio = twilio;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.recordingFetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The recording's WAV bytes, or the reason it could not be had after every attempt. */
    public Download fetch(String recordingUrl) {
        URI uri;
        try {
            uri = URI.create(recordingUrl + ".wav");
        } catch (IllegalArgumentException e) {
            return Download.failed("the recording URL is not a URL");
        }
        if (!onTwilioApiHost(uri)) {
            LOG.warnf("Recording URL on host %s refused: only %s is fetched from", uri.getHost(), twilio.apiUrl());
            return Download.failed("the recording URL is not on the Twilio API host, so it was not fetched");
        }
        String reason = "no attempt was made";
        for (int attempt = 1; attempt <= config.recordingFetchAttempts(); attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 && response.body().length > 0) {
                    return new Download(response.body(), null);
                }
                reason = "Twilio answered " + response.statusCode();
            } catch (IOException e) {
                reason = "Twilio could not be reached (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Download.failed("interrupted while fetching the recording");
            }
            LOG.infof("Recording fetch attempt %d of %d failed: %s", attempt, config.recordingFetchAttempts(), reason);
            pause(attempt);
        }
        return Download.failed("the recording could not be fetched after " + config.recordingFetchAttempts()
                + " attempts: " + reason);
    }

    private HttpRequest request(URI uri) {
        String credentials = twilio.accountSid().orElse("") + ":" + twilio.authToken().orElse("");
        return HttpRequest.newBuilder(uri).timeout(config.recordingFetchTimeout()).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    boolean onTwilioApiHost(URI uri) {
        URI api = URI.create(twilio.apiUrl());
        return Objects.equals(lower(uri.getScheme()), lower(api.getScheme()))
                && Objects.equals(lower(uri.getHost()), lower(api.getHost()))
                && port(uri) == port(api) && uri.getUserInfo() == null;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase();
    }

    // Short and growing: a recording Twilio is still finishing is usually there a moment later.
    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A downloaded recording, or why there is none. */
    public record Download(byte[] wav, String failure) {
        static Download failed(String reason) {
            return new Download(null, reason);
        }

        public boolean succeeded() {
            return wav != null;
        }
    }
}
