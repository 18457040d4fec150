package dev.nohold.channel.webchat;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.ReplyAudio;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The customer's chat page ({@code /chat}, also what the widget frames on another site) and the agents' recorded
 * answers it plays. The page runs no inline script and loads nothing from elsewhere; only the allowed sites may frame it.
 */
@Path("/chat")
public class ChatPage {

    private static final String PAGE = read("/chat-page.html");

    private final AllowedOrigins origins;
    private final ChatStore store;
    private final ChannelRequests requests;

    public ChatPage(AllowedOrigins origins, ChatStore store, ChannelRequests requests) {
        this.origins = origins;
        this.store = store;
        this.requests = requests;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Response.ok(PAGE)
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                        + " connect-src 'self'; media-src 'self' blob:; img-src 'self' data:; form-action 'self';"
                        + " base-uri 'none'; object-src 'none'; frame-ancestors " + origins.frameAncestors())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * An agent's recorded answer. Its address is the message's own random id, known only to the browser it was sent
     * to, like the token itself.
     */
    @GET
    @Path("/audio/{id}")
    public Response audio(@PathParam("id") UUID id) {
        ReplyAudio audio = store.line(id).filter(line -> line.deliveryId() != null && line.audioType() != null)
                .flatMap(line -> requests.replyAudio(line.deliveryId()))
                .orElseThrow(() -> Refusal.notFound("No recorded answer here"));
        return Response.ok(audio.bytes(), audio.mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    private static String read(String resource) {
        try (InputStream in = ChatPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
