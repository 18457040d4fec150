package dev.nohold.core.web;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Agents;
import dev.nohold.core.agent.Role;
import dev.nohold.core.session.SessionCsrfCheck;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The inbox: one page for agents and supervisors. The server renders its frame (who is logged in, the presence
 * control, the supervisor's queue region); {@code /js/inbox.js} fills it from the API and keeps it current from the
 * live events, so the page and the API share one rule of who may see what. {@code ?request=<id>} opens a request,
 * which the API refuses when it is not the caller's. A browser without a live session is sent to the login page.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Agent agent, String roles, String presence, String csrfToken,
                                               boolean supervisor, boolean admin);
    }

    private final SecurityIdentity identity;
    private final Agents agents;

    public InboxPage(SecurityIdentity identity, Agents agents) {
        this.identity = identity;
        this.agents = agents;
    }

    @GET
    @Operation(hidden = true)
    public Response inbox() {
        if (identity.isAnonymous()) {
            return Pages.seeOther("/login").build();
        }
        Agent agent = agents.profile(identity.getPrincipal().getName());
        String csrfToken = SessionCsrfCheck.sessionCsrfToken(identity);
        boolean supervisor = agent.hasRole(Role.SUPERVISOR) || agent.hasRole(Role.ADMIN);
        return Pages.page(200, Templates.inbox(agent, String.join(", ", agent.roleNames()),
                agent.presence.name(), csrfToken == null ? "" : csrfToken, supervisor, agent.hasRole(Role.ADMIN))).build();
    }
}
