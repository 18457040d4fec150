package dev.nohold.channel.voice;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/** The safety net of {@link RecordingFetches}: recordings whose fetch was interrupted are taken up again. */
@ApplicationScoped
public class RecordingFetchRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:voice-recordings-resume?delay=10s&period={{nohold.voice.recording-resume-interval:30s}}")
                .routeId("voice-recordings-resume")
                .bean(RecordingFetches.class, "resumeInterrupted");
    }
}
