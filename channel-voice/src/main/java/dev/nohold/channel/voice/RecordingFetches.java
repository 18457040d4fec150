package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches callers' recordings after the webhook has been answered: the request is already stored (RECEIVED,
 * waiting for its audio), so Twilio hears back at once and a crash mid-fetch loses nothing. A slow poll takes up
 * the recordings of requests still waiting after a while: a node that died mid-fetch, or a fetch never started.
 * Two nodes fetching the same recording is harmless: the core attaches it once.
 */
@ApplicationScoped
public class RecordingFetches {

    static final String RECORDING_URL = "recordingUrl";
    private static final Logger LOG = Logger.getLogger(RecordingFetches.class);
    private static final Duration STALE = Duration.ofSeconds(30);

    private final RecordingDownloads downloads;
    private final ChannelRequests requests;
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("voice-recording-fetch-", 0).daemon().factory());
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public RecordingFetches(RecordingDownloads downloads, ChannelRequests requests) {
        this.downloads = downloads;
        this.requests = requests;
    }

    /** Starts fetching the recording of a stored request, unless this node is already at it. */
    public void fetchSoon(UUID requestId, String recordingUrl) {
        if (inFlight.add(requestId)) {
            workers.execute(() -> {
                try {
                    fetch(requestId, recordingUrl);
                } catch (RuntimeException e) {
                    LOG.warnf("Fetching the recording of request %s failed; the poll tries again: %s",
                            requestId, e.getMessage());
                } finally {
                    inFlight.remove(requestId);
                }
            });
        }
    }

    /** Takes up the recordings of voice requests that have waited for theirs too long. */
    public void resumeInterrupted() {
        List<ChannelRequest> waiting = requests.awaitingAudio(IncomingCalls.CHANNEL, STALE);
        for (ChannelRequest request : waiting) {
            String url = request.attributes().get(RECORDING_URL);
            if (url != null) {
                LOG.infof("Request %s still waits for its recording: fetching it again", request.reference());
                fetchSoon(request.id(), url);
            }
        }
    }

    private void fetch(UUID requestId, String recordingUrl) {
        RecordingDownloads.Download download = downloads.fetch(recordingUrl);
        if (download.succeeded()) {
            requests.attachAudio(requestId, download.wav());
        } else {
            requests.queueWithoutAudio(requestId, "Caller left a voice message that could not be fetched from Twilio"
                    + " (" + download.failure() + "): please call back", download.failure());
            LOG.warnf("Request %s queued without its recording: %s", requestId, download.failure());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }
}
