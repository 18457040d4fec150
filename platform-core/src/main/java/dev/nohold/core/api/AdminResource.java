package dev.nohold.core.api;

import dev.nohold.core.agent.Accounts;
import dev.nohold.core.agent.Agents;
import dev.nohold.core.agent.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Account management for admins. */
@Path("/api/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "admin")
public class AdminResource {

    private final Agents agents;
    private final Accounts accounts;
    private final SecurityIdentity identity;

    public AdminResource(Agents agents, Accounts accounts, SecurityIdentity identity) {
        this.agents = agents;
        this.accounts = accounts;
        this.identity = identity;
    }

    @POST
    @Path("/agents")
    public Response createAgent(@NotNull(message = "a JSON body is required") @Valid NewAgent input) {
        AgentProfile created = AgentProfile.of(agents.create(input.toDraft()));
        return Response.created(URI.create("/api/admin/agents/" + created.username())).entity(created).build();
    }

    @PATCH
    @Path("/agents/{username}")
    public AgentProfile editAgent(@PathParam("username") String username,
                                  @NotNull(message = "a JSON body is required") @Valid AgentEdit input) {
        return AgentProfile.of(accounts.edit(username, input.toChanges(), admin()));
    }

    /** The agent can no longer log in; their sessions end and their unanswered work goes back to the queue. */
    @POST
    @Path("/agents/{username}/disable")
    public AgentProfile disableAgent(@PathParam("username") String username) {
        return AgentProfile.of(accounts.disable(username, admin()));
    }

    @POST
    @Path("/agents/{username}/enable")
    public AgentProfile enableAgent(@PathParam("username") String username) {
        return AgentProfile.of(accounts.enable(username));
    }

    /** Sets the given password, or generates one and answers with it, once. */
    @POST
    @Path("/agents/{username}/password")
    public PasswordReset resetPassword(@PathParam("username") String username, PasswordInput input) {
        String generated = accounts.resetPassword(username, input == null ? null : input.password(), admin());
        return new PasswordReset(username, generated);
    }

    private String admin() {
        return identity.getPrincipal().getName();
    }
}
