package dev.nohold.core.api;

import dev.nohold.core.agent.AgentDirectory;
import dev.nohold.core.agent.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.nohold.core.request.Request;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Supervisors and admins: every agent, their presence and how many open requests each holds. */
@Path("/api/agents")
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
@Tag(name = "agent")
public class AgentsResource {

    private final AgentDirectory directory;

    public AgentsResource(AgentDirectory directory) {
        this.directory = directory;
    }

    @GET
    public List<AgentOverview> all() {
        Map<UUID, List<Request>> holdings = directory.holdings();
        return directory.all().stream()
                .map(agent -> AgentOverview.of(agent, holdings.getOrDefault(agent.id, List.of()))).toList();
    }
}
