package dev.nohold.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/** The SMS outbox for notices: every {@code nohold.sms.notice-poll-interval}, any node sends those due. */
@ApplicationScoped
public class SmsNoticeRoutes extends RouteBuilder {

    private final SmsConfig config;

    public SmsNoticeRoutes(SmsConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        long every = config.noticePollInterval().toMillis();
        from("timer:sms-notices?delay=" + every + "&period=" + every)
                .routeId("sms-notices")
                .bean(SmsChannel.class, "sendDueNotices");
    }
}
