package dev.nohold.core.web;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Agents;
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
 * The agents' inbox page. For now it only says who is logged in, with which roles, and lets them log out; the inbox
 * itself replaces it. A browser without a live session is sent to the login page.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Agent agent, String roles, String csrfToken);
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
        return Pages.page(200, Templates.inbox(agent, String.join(", ", agent.roleNames()),
                csrfToken == null ? "" : csrfToken)).build();
    }
}
