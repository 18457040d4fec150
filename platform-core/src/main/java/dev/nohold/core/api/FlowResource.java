package dev.nohold.core.api;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Role;
import dev.nohold.core.flow.FlowCatalog;
import dev.nohold.core.flow.FlowFigures;
import dev.nohold.core.flow.FlowSimulator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * Conversation flows: supervisors list them, read them, simulate them and see their figures; admins upload new
 * versions (validated, refused with the line of the problem), activate them (only when their examples pass) and
 * deactivate them.
 */
@Path("/api/flows")
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
@Tag(name = "supervisor")
public class FlowResource {

    private static final Set<String> CHANNELS = Set.of("sms", "voice", "webchat", "email");

    private final FlowCatalog catalog;
    private final FlowSimulator simulator;
    private final FlowFigures figures;

    public FlowResource(FlowCatalog catalog, FlowSimulator simulator, FlowFigures figures) {
        this.catalog = catalog;
        this.simulator = simulator;
        this.figures = figures;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FlowView> all() {
        return catalog.all().stream().map(FlowView::of).toList();
    }

    /** The newest version's YAML, as uploaded. */
    @GET
    @Path("/{id}")
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    public String source(@PathParam("id") String id) {
        return catalog.source(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public FlowView put(@PathParam("id") String id, String yaml) {
        return FlowView.of(catalog.put(id, yaml));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    public FlowView activate(@PathParam("id") String id) {
        return FlowView.of(catalog.activate(id));
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    public FlowView deactivate(@PathParam("id") String id) {
        return FlowView.of(catalog.deactivate(id));
    }

    @POST
    @Path("/{id}/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SimulationView simulate(@PathParam("id") String id, SimulationInput input) {
        if (input == null || input.channel() == null || !CHANNELS.contains(input.channel())) {
            throw Refusal.badInput("channel is one of sms, voice, webchat, email");
        }
        return SimulationView.of(simulator.simulate(catalog.newest(id), input.channel(),
                input.inputs() == null ? List.of() : input.inputs(),
                input.at() == null ? null : input.at().toInstant()));
    }

    @GET
    @Path("/{id}/figures")
    @Produces(MediaType.APPLICATION_JSON)
    public FlowFiguresView figures(@PathParam("id") String id) {
        catalog.summary(id);
        return FlowFiguresView.of(figures.of(id));
    }
}
