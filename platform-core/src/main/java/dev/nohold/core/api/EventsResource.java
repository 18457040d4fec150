package dev.nohold.core.api;

import dev.nohold.core.Refusal;
import dev.nohold.core.events.Audience;
import dev.nohold.core.events.LiveFeed;
import dev.nohold.core.request.QueueFigureFeed;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.OptionalLong;

/**
 * Server-sent events of every committed change the caller may see, from whichever node made it. Each event's
 * {@code id} is what {@code Last-Event-ID} (or {@code ?lastEventId=}, for a first connection) resumes from; a
 * comment every heartbeat keeps the stream open. Supervisors and admins also get the queue's figures, in events
 * named {@code queue} (no id: they are a fresh count, nothing to resume), when the stream opens and after changes.
 */
@Path("/api/events")
@Authenticated
@Tag(name = "events")
public class EventsResource {

    private final SecurityIdentity identity;
    private final LiveFeed feed;
    private final QueueFigureFeed queue;

    public EventsResource(SecurityIdentity identity, LiveFeed feed, QueueFigureFeed queue) {
        this.identity = identity;
        this.feed = feed;
        this.queue = queue;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<OutboundSseEvent> follow(@HeaderParam("Last-Event-ID") String lastEventId,
                                          @QueryParam("lastEventId") String lastEventIdParameter,
                                          @Context Sse sse) {
        Audience audience = feed.audience(identity.getPrincipal().getName());
        OptionalLong resumeFrom = resumeFrom(lastEventId, lastEventIdParameter);
        Multi<OutboundSseEvent> heartbeats = feed.heartbeats(audience)
                .map(at -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> events = feed.follow(audience, resumeFrom)
                .map(event -> sse.newEventBuilder()
                        .id(Long.toString(event.id()))
                        .data(LiveEventView.class, LiveEventView.of(event))
                        .build());
        if (!audience.seesEverything()) {
            return Multi.createBy().merging().streams(heartbeats, events);
        }
        Multi<OutboundSseEvent> figures = queue.follow()
                .map(counted -> sse.newEventBuilder()
                        .name("queue")
                        .data(QueueEventView.class, QueueEventView.of(counted))
                        .build());
        return Multi.createBy().merging().streams(heartbeats, events, figures);
    }

    private static OptionalLong resumeFrom(String header, String parameter) {
        String given = header != null && !header.isBlank() ? header : parameter;
        if (given == null || given.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(given.strip()));
        } catch (NumberFormatException e) {
            throw Refusal.badInput("Last-Event-ID must be the id of an event this stream sent, not '" + given + "'");
        }
    }
}
