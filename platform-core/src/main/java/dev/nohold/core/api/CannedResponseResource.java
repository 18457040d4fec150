package dev.nohold.core.api;

import dev.nohold.core.agent.Role;
import dev.nohold.core.canned.CannedResponses;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Canned responses: every agent lists them, supervisors and admins add and remove them. */
@Path("/api/canned-responses")
@Authenticated
@Tag(name = "agent")
public class CannedResponseResource {

    /** A new canned response: a short title and the text, which may use {reference}, {customer} and {agent}. */
    public record NewCannedResponse(String title, String text) {
    }

    private final SecurityIdentity identity;
    private final CannedResponses canned;

    public CannedResponseResource(SecurityIdentity identity, CannedResponses canned) {
        this.identity = identity;
        this.canned = canned;
    }

    @GET
    public List<CannedResponseView> all() {
        return canned.all().stream().map(CannedResponseView::of).toList();
    }

    @POST
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public Response add(@NotNull(message = "a JSON body is required") NewCannedResponse input) {
        return Response.status(Response.Status.CREATED)
                .entity(CannedResponseView.of(canned.add(input.title(), input.text(),
                        identity.getPrincipal().getName())))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public Response remove(@PathParam("id") UUID id) {
        canned.remove(id);
        return Response.noContent().build();
    }
}
