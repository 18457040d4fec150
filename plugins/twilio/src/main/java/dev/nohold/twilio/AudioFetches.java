package dev.nohold.twilio;

import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Fetches a customer's audio from Twilio after the webhook has been answered (a call's recording, an MMS voice
 * message): the request is already stored (RECEIVED, waiting for its audio), so Twilio hears back at once and a crash
 * mid-fetch loses nothing. The audio goes to the core's speech step, or, when Twilio will not give it, the request is
 * queued with the reason. A slow poll of each channel ({@link #resume}) takes up requests still waiting after a while:
 * a node that died mid-fetch, or a fetch never started. Two nodes fetching the same audio is harmless: the core
 * attaches it once.
 */
@ApplicationScoped
public class AudioFetches {

    private static final Logger LOG = Logger.getLogger(AudioFetches.class);

    private final TwilioMedia media;
    private final ChannelRequests requests;
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("twilio-audio-fetch-", 0).daemon().factory());
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public AudioFetches(TwilioMedia media, ChannelRequests requests) {
        this.media = media;
        this.requests = requests;
    }

    /**
     * One audio to fetch for a request.
     *
     * @param url         where Twilio holds it
     * @param unavailable the request's text for the agent when it cannot be had; {@code %s} is the reason
     */
    public record Fetch(String url, TwilioMedia.Limits limits, String unavailable) {
    }

    /** Starts fetching the audio of a stored request, unless this node is already at it. */
    public void fetchSoon(UUID requestId, Fetch fetch) {
        if (inFlight.add(requestId)) {
            workers.execute(() -> {
                try {
                    fetch(requestId, fetch);
                } catch (RuntimeException e) {
                    LOG.warnf("Fetching the audio of request %s failed; the poll tries again: %s",
                            requestId, e.getMessage());
                } finally {
                    inFlight.remove(requestId);
                }
            });
        }
    }

    /**
     * Takes up the audio of {@code channel}'s requests that have waited for theirs longer than {@code stale}; {@code
     * fetchOf} says what to fetch for a request, from what the channel stored with it.
     */
    public void resume(String channel, Duration stale, Function<ChannelRequest, Optional<Fetch>> fetchOf) {
        for (ChannelRequest request : requests.awaitingAudio(channel, stale)) {
            fetchOf.apply(request).ifPresent(fetch -> {
                LOG.infof("Request %s still waits for its audio: fetching it again", request.reference());
                fetchSoon(request.id(), fetch);
            });
        }
    }

    private void fetch(UUID requestId, Fetch fetch) {
        TwilioMedia.Download download = media.fetch(fetch.url(), fetch.limits());
        if (download.succeeded()) {
            requests.attachAudio(requestId, download.bytes());
        } else {
            requests.queueWithoutAudio(requestId, fetch.unavailable().formatted(download.failure()),
                    download.failure());
            LOG.warnf("Request %s queued without its audio: %s", requestId, download.failure());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }
}
