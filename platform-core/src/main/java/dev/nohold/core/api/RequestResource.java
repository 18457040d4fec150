package dev.nohold.core.api;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Role;
import dev.nohold.core.reply.Redeliveries;
import dev.nohold.core.reply.Replies;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.reply.ReplyDraft;
import dev.nohold.core.request.RequestPage;
import dev.nohold.core.request.RequestQueries;
import dev.nohold.core.request.RequestSearch;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/** Requests as agents and supervisors read and answer them. */
@Path("/api")
@Authenticated
@Tag(name = "requests")
public class RequestResource {

    private final SecurityIdentity identity;
    private final RequestQueries requests;
    private final Replies replies;
    private final MediaResponses media;
    private final Redeliveries redeliveries;
    private final Lifecycle lifecycle;

    public RequestResource(SecurityIdentity identity, RequestQueries requests, Replies replies,
                           MediaResponses media, Redeliveries redeliveries, Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.requests = requests;
        this.replies = replies;
        this.media = media;
        this.redeliveries = redeliveries;
    }

    @GET
    @Path("/requests")
    public Response search(@QueryParam("status") String status, @QueryParam("channel") String channel,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size,
                           @QueryParam("q") String words, @QueryParam("customer") String customer,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        RequestPage found = requests.search(username(), new RequestSearch(words, customer, channel, status, from, to),
                page, size);
        return Response.ok(found.items().stream().map(RequestSummary::of).toList()).header("X-Total-Count", found.total()).build();
    }

    @GET
    @Path("/requests/{id}")
    public RequestView one(@PathParam("id") UUID id) {
        return RequestView.of(requests.view(username(), id));
    }

    @POST
    @Path("/requests/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") UUID id, ReplyInput input) {
        replies.answer(id, username(), ReplyDraft.text(input == null ? null : input.text()));
        return Response.status(Response.Status.CREATED).entity(RequestView.of(requests.view(username(), id))).build();
    }

    @POST
    @Path("/requests/{id}/reply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replyWithAudio(@PathParam("id") UUID id, @RestForm("text") String text,
                                   @RestForm("audio") FileUpload audio) {
        replies.answer(id, username(), new ReplyDraft(text, audio == null ? null : read(audio),
                audio == null ? null : audio.contentType()));
        return Response.status(Response.Status.CREATED).entity(RequestView.of(requests.view(username(), id))).build();
    }

    /** A failed delivery sent again on its own channel; answers with the request, the new delivery pending. */
    @POST
    @Path("/requests/{id}/deliveries/{deliveryId}/retry")
    public Response retryDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        redeliveries.retry(id, deliveryId, username());
        return Response.status(Response.Status.CREATED).entity(RequestView.of(requests.view(username(), id))).build();
    }

    /** A failed delivery's answer sent on another channel of the same customer. */
    @POST
    @Path("/requests/{id}/deliveries/{deliveryId}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resendDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId,
                                   ResendInput input) {
        redeliveries.resend(id, deliveryId, username(), input == null ? null : input.channel(),
                input == null ? null : input.address());
        return Response.status(Response.Status.CREATED).entity(RequestView.of(requests.view(username(), id))).build();
    }

    /** Supervisors: an assigned request goes back to the queue, first in line; its agent is freed. */
    @POST
    @Path("/requests/{id}/requeue")
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public RequestView requeue(@PathParam("id") UUID id) {
        lifecycle.requeueBySupervisor(id, username());
        return RequestView.of(requests.view(username(), id));
    }

    /** Supervisors: a queued or assigned request goes to the named agent. */
    @POST
    @Path("/requests/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public RequestView reassign(@PathParam("id") UUID id, ReassignInput input) {
        if (input == null || input.agent() == null || input.agent().isBlank()) {
            throw Refusal.badInput("Name the agent, like {\"agent\": \"alice\"}");
        }
        lifecycle.reassign(id, input.agent().strip(), username());
        return RequestView.of(requests.view(username(), id));
    }

    @GET
    @Path("/requests/{id}/audio")
    public Response audio(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        RequestQueries.StoredMedia audio = requests.audio(username(), id);
        return media.serve(audio.item(), audio.name(), headers);
    }

    @GET
    @Path("/requests/{id}/replies/{replyId}/audio")
    public Response replyAudio(@PathParam("id") UUID id, @PathParam("replyId") UUID replyId,
                               @Context HttpHeaders headers) {
        RequestQueries.StoredMedia audio = requests.replyAudio(username(), id, replyId);
        return media.serve(audio.item(), audio.name(), headers);
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public QueueView queue() {
        return QueueView.of(requests.supervision());
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
