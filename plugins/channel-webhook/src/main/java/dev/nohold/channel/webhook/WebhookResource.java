package dev.nohold.channel.webhook;

import dev.nohold.core.channel.JournalReceipt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webhook channel's intake over HTTP. The body is taken as raw bytes, whatever its declared type, because the
 * signature covers exactly those bytes; {@link WebhookIntake} checks and parses them.
 */
@Path("/channels/webhook")
@Tag(name = "webhook channel")
public class WebhookResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Tells a caller that this 201 replays an earlier call's answer (Stripe's name for it). */
    static final String REPLAYED = "Idempotent-Replayed";

    private final WebhookIntake intake;

    public WebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = WebhookMessage.class))) byte[] body,
                           @HeaderParam(WebhookSignature.HEADER) String signature,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @Context HttpServerRequest http) {
        // The client's own address when quarkus.http.proxy.proxy-address-forwarding is on behind a proxy.
        String client = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        JournalReceipt receipt = intake.submit(body == null ? new byte[0] : body, signature, idempotencyKey, client);
        Response.ResponseBuilder answer = Response.status(Response.Status.CREATED).entity(WebhookReceipt.of(receipt));
        if (receipt.repeated()) {
            answer.header(REPLAYED, "true");
        }
        return answer.build();
    }
}
