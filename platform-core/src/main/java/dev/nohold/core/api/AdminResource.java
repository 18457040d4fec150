package dev.nohold.core.api;

import dev.nohold.core.agent.Agents;
import dev.nohold.core.agent.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Account management for admins. */
@Path("/api/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "admin")
public class AdminResource {

    private final Agents agents;

    public AdminResource(Agents agents) {
        this.agents = agents;
    }

    @POST
    @Path("/agents")
    public Response createAgent(@NotNull(message = "a JSON body is required") @Valid NewAgent input) {
        AgentProfile created = AgentProfile.of(agents.create(input.toDraft()));
        return Response.created(URI.create("/api/admin/agents/" + created.username())).entity(created).build();
    }
}
