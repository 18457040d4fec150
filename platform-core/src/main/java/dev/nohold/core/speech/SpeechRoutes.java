package dev.nohold.core.speech;

import dev.nohold.core.request.TranscriptionDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Wakes the {@link Transcriber}: right after a spoken request commits, when the engine has loaded, when a worker
 * frees up, and on a slow poll that also renews this node's leases and, from the first tick after start-up, takes
 * up recordings a stopped node left in TRANSCRIBING. Intake never waits: it only drops a wake-up here.
 */
@ApplicationScoped
public class SpeechRoutes extends RouteBuilder {

    static final String WAKE = "seda:transcriptions-due?size=1&discardWhenFull=true";

    private final Transcriber transcriber;
    private final ProducerTemplate producer;

    public SpeechRoutes(Transcriber transcriber, ProducerTemplate producer) {
        this.transcriber = transcriber;
        this.producer = producer;
    }

    void onTranscriptionDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranscriptionDue due) {
        producer.sendBody(WAKE, due.requestId());
    }

    void onRecognizerReady(@Observes RecognizerReady ready) {
        producer.sendBody(WAKE, ready.description());
    }

    @Override
    public void configure() {
        from("timer:transcriptions-poll?delay=1000&period={{nohold.speech.poll-interval:30s}}")
                .routeId("transcriptions-poll")
                .bean(transcriber, "renewLeases")
                .bean(transcriber, "startDue");

        from(WAKE)
                .routeId("transcriptions-wake")
                .bean(transcriber, "startDue");
    }
}
