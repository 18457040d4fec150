package dev.nohold.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/** The safety net of {@link VoiceMessages}: voice messages whose fetch was interrupted are taken up again. */
@ApplicationScoped
public class VoiceMessageRoutes extends RouteBuilder {

    private final SmsConfig config;

    public VoiceMessageRoutes(SmsConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        from("timer:sms-voice-messages-resume?delay=10s&period=" + config.mediaResumeInterval().toMillis())
                .routeId("sms-voice-messages-resume")
                .bean(VoiceMessages.class, "resumeInterrupted");
    }
}
