package dev.nohold.core.speech;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the speech engine's state in {@code /q/health/ready} without ever making the node unready: text channels
 * work without it, and spoken requests wait in TRANSCRIBING while it loads (or are queued with the reason when it
 * failed).
 */
@Readiness
@ApplicationScoped
public class SpeechReadiness implements HealthCheck {

    private final SpeechRecognizer recognizer;

    public SpeechReadiness(SpeechRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public HealthCheckResponse call() {
        SpeechRecognizer.State state = recognizer.state();
        var response = HealthCheckResponse.named("speech").up()
                .withData("state", state.name())
                .withData("engine", recognizer.description());
        if (state == SpeechRecognizer.State.FAILED && recognizer.failure() != null) {
            response.withData("failure", recognizer.failure());
        }
        return response.build();
    }
}
