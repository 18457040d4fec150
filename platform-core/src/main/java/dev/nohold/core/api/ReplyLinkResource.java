package dev.nohold.core.api;

import dev.nohold.core.channel.ReplyAudio;
import dev.nohold.core.channel.ReplyLinks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * An agent's recorded reply, opened by the customer from the signed, expiring link their SMS carried: no login, the
 * link's signature is the permission ({@link ReplyLinks}).
 */
@Path(ReplyLinks.PATH)
@Tag(name = "channels")
public class ReplyLinkResource {

    private final ReplyLinks links;

    public ReplyLinkResource(ReplyLinks links) {
        this.links = links;
    }

    @GET
    @Path("/{deliveryId}")
    public Response play(@PathParam("deliveryId") UUID deliveryId, @QueryParam("expires") long expires,
                         @QueryParam("signature") String signature) {
        ReplyAudio audio = links.open(deliveryId, expires, signature);
        return Response.ok(audio.bytes(), audio.mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
