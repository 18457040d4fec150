package dev.nohold.core.api;

import dev.nohold.core.agent.Agents;
import dev.nohold.core.request.RequestQueries;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The calling agent: profile, presence and the requests they hold. */
@Path("/api/me")
@Authenticated
@Tag(name = "agent")
public class MeResource {

    private final SecurityIdentity identity;
    private final Agents agents;
    private final RequestQueries requests;

    public MeResource(SecurityIdentity identity, Agents agents, RequestQueries requests) {
        this.identity = identity;
        this.agents = agents;
        this.requests = requests;
    }

    @GET
    public AgentProfile me() {
        return AgentProfile.of(agents.profile(username()));
    }

    @PUT
    @Path("/presence")
    public AgentProfile changePresence(@NotNull(message = "a JSON body is required") @Valid PresenceChange change) {
        return AgentProfile.of(agents.changePresence(username(), change.status()));
    }

    @GET
    @Path("/requests")
    public List<RequestSummary> myRequests() {
        return requests.assignedTo(username()).stream().map(RequestSummary::of).toList();
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
