package dev.nohold.core.api;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Role;
import dev.nohold.core.knowledge.FullTextKnowledgeBase;
import dev.nohold.core.knowledge.KnowledgeArticles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The knowledge base: every agent lists and searches it, supervisors and admins write its articles. */
@Path("/api/knowledge")
@Authenticated
@Tag(name = "knowledge")
public class KnowledgeResource {

    static final int MAX_MATCHES = 20;

    /** An article as written: the question, the answer, other phrasings of the question, and its language. */
    public record KnowledgeArticleInput(String question, String answer, List<String> alternatives, String language) {
    }

    private final SecurityIdentity identity;
    private final KnowledgeArticles articles;
    private final FullTextKnowledgeBase knowledge;

    public KnowledgeResource(SecurityIdentity identity, KnowledgeArticles articles, FullTextKnowledgeBase knowledge) {
        this.identity = identity;
        this.articles = articles;
        this.knowledge = knowledge;
    }

    @GET
    public List<KnowledgeArticleView> all() {
        return articles.all().stream().map(KnowledgeArticleView::of).toList();
    }

    @GET
    @Path("/{id}")
    public KnowledgeArticleView one(@PathParam("id") UUID id) {
        return KnowledgeArticleView.of(articles.one(id));
    }

    /**
     * The best matches for what a customer wrote; {@code request}: leave out that request's own past answer. An agent
     * sees past answers of the requests they may see; supervisors and admins, all.
     */
    @GET
    @Path("/search")
    public List<KnowledgeMatchView> search(@QueryParam("q") String question, @QueryParam("language") String language,
                                           @QueryParam("limit") @DefaultValue("3") int limit,
                                           @QueryParam("request") UUID request) {
        if (question == null || question.isBlank() || question.length() > FullTextKnowledgeBase.MAX_QUESTION) {
            throw Refusal.badInput("q, the question to search for, is required, at most "
                    + FullTextKnowledgeBase.MAX_QUESTION + " characters");
        }
        if (limit < 1 || limit > MAX_MATCHES) {
            throw Refusal.badInput("limit must be between 1 and " + MAX_MATCHES);
        }
        return knowledge.suggestions(identity.getPrincipal().getName(), question, language, limit, request).stream()
                .map(KnowledgeMatchView::of).toList();
    }

    @POST
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public Response add(KnowledgeArticleInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(KnowledgeArticleView.of(articles.add(draft(input), identity.getPrincipal().getName())))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public KnowledgeArticleView change(@PathParam("id") UUID id, KnowledgeArticleInput input) {
        return KnowledgeArticleView.of(articles.change(id, draft(input), identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
    public Response remove(@PathParam("id") UUID id) {
        articles.remove(id);
        return Response.noContent().build();
    }

    private static KnowledgeArticles.Draft draft(KnowledgeArticleInput input) {
        return input == null ? null
                : new KnowledgeArticles.Draft(input.question(), input.answer(), input.alternatives(), input.language());
    }
}
