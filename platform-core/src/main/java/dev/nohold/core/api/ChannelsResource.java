package dev.nohold.core.api;

import dev.nohold.core.channel.ChannelStatus;
import dev.nohold.core.channel.Channels;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The channels installed on this platform and how each stands: everyone sees them, for names and icons. */
@Path("/api/channels")
@Authenticated
@Tag(name = "agent")
public class ChannelsResource {

    private final Channels channels;

    public ChannelsResource(Channels channels) {
        this.channels = channels;
    }

    @GET
    public List<ChannelView> all() {
        return channels.all().stream().map(ChannelStatus::of).map(ChannelView::of).toList();
    }
}
