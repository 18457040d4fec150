package dev.nohold.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads what Twilio holds for the platform (a call's recording, an MMS's media) from a URL a webhook named. Only
 * URLs on the configured Twilio API host are fetched, with HTTP Basic (account SID and token): the URL comes from a
 * webhook, and the platform must never be made to send its credentials, or any request, elsewhere. Twilio answers a
 * media URL with a redirect to a short-lived signed copy on its CDN; such a redirect, given by the API host itself, is
 * followed over HTTPS (or the API's own scheme) and without the credentials. Each attempt has a time limit for the
 * whole download and a size cap, checked as the bytes arrive; a failure is tried again a few times (a recording Twilio
 * is still finishing answers 404 for a moment).
 */
@ApplicationScoped
public class TwilioMedia {

    private static final Logger LOG = Logger.getLogger(TwilioMedia.class);
    private static final int MAX_REDIRECTS = 3;

    private final TwilioConfig twilio;
    private final HttpClient http;

    public TwilioMedia(TwilioConfig twilio) {
        this.twilio = twilio;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** How long one attempt may take, how often to try, and how large the media may be. */
    public record Limits(Duration timeout, int attempts, long maxBytes) {
    }

    /** The media's bytes, or the reason there are none. */
    public record Download(byte[] bytes, String failure) {
        static Download failed(String reason) {
            return new Download(null, reason);
        }

        public boolean succeeded() {
            return bytes != null;
        }
    }

    /** The media at {@code url}, or the reason it could not be had after every attempt. */
    public Download fetch(String url, Limits limits) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Download.failed("the media URL is not a URL");
        }
        if (!onTwilioApiHost(uri)) {
            LOG.warnf("Media URL on host %s refused, not fetched: only %s is fetched from", uri.getHost(),
                    twilio.apiUrl());
            return Download.failed("the media URL is not on the Twilio API host, so it was not fetched");
        }
        String reason = "no attempt was made";
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            try {
                return new Download(download(uri, limits), null);
            } catch (Refused e) {
                reason = e.getMessage();
                if (!e.worthRetrying) {
                    return Download.failed(reason);
                }
            } catch (IOException e) {
                reason = "Twilio could not be reached (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Download.failed("interrupted while fetching the media");
            }
            LOG.infof("Media fetch attempt %d of %d failed: %s", attempt, limits.attempts(), reason);
            pause(attempt);
        }
        return Download.failed("the media could not be fetched after " + limits.attempts() + " attempts: " + reason);
    }

    private byte[] download(URI first, Limits limits) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI uri = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean onApi = onTwilioApiHost(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(limits.timeout()).GET();
            if (onApi) {
                request.header("Authorization", basic());
            }
            HttpResponse<byte[]> response = within(deadline, http.sendAsync(request.build(),
                    info -> CappedBody.of(info, limits.maxBytes())));
            int status = response.statusCode();
            if (status == 200 && response.body().length > 0) {
                return response.body();
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                URI next = uri.resolve(response.headers().firstValue("Location").get());
                if (!onApi || !safeRedirect(next)) {
                    throw new Refused("Twilio's media host redirected to " + next.getScheme() + "://" + next.getHost()
                            + ", which is not followed", false);
                }
                uri = next;
                continue;
            }
            throw new Refused("Twilio answered " + status, status != 401 && status != 403);
        }
        throw new Refused("Twilio redirected more than " + MAX_REDIRECTS + " times", false);
    }

    private static <T> T within(long deadline, CompletableFuture<T> pending) throws IOException, InterruptedException {
        try {
            return pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Refused("the download took longer than its time limit", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof CappedBody.TooLarge tooLarge) {
                    throw new Refused(tooLarge.getMessage(), false);
                }
            }
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** Whether {@code uri} is on the configured Twilio API host: same scheme, host and port, no user info. */
    public boolean onTwilioApiHost(URI uri) {
        URI api = URI.create(twilio.apiUrl());
        return Objects.equals(lower(uri.getScheme()), lower(api.getScheme()))
                && Objects.equals(lower(uri.getHost()), lower(api.getHost()))
                && port(uri) == port(api) && uri.getUserInfo() == null;
    }

    private boolean safeRedirect(URI next) {
        String scheme = lower(next.getScheme());
        return next.getHost() != null && next.getUserInfo() == null
                && ("https".equals(scheme) || Objects.equals(scheme, lower(URI.create(twilio.apiUrl()).getScheme())));
    }

    private String basic() {
        String credentials = twilio.accountSid().orElse("") + ":" + twilio.authToken().orElse("");
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    // Short and growing: a recording Twilio is still finishing is usually there a moment later.
    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An attempt that failed, and whether trying again can help (not for media too large or refused credentials). */
    private static final class Refused extends IOException {
        private final boolean worthRetrying;

        Refused(String reason, boolean worthRetrying) {
            super(reason);
            this.worthRetrying = worthRetrying;
        }
    }
}
