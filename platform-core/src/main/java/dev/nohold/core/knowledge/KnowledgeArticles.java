package dev.nohold.core.knowledge;

import dev.nohold.core.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The knowledge base's articles: every agent reads them, supervisors and admins write them. */
@ApplicationScoped
@Transactional
public class KnowledgeArticles {

    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 5000;
    static final int MAX_ALTERNATIVES = 30;
    static final int MAX_LANGUAGE = 20;

    /** What a supervisor writes: the question, the answer, other phrasings (optional) and the language (optional). */
    public record Draft(String question, String answer, List<String> alternatives, String language) {
    }

    /** Fired after an article changes, so the search forgets the words it had cached. */
    public record Changed(UUID id) {
    }

    private final Clock clock;
    private final Event<Changed> changed;

    public KnowledgeArticles(Clock clock, Event<Changed> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnowledgeArticle> all() {
        return KnowledgeArticle.list("order by lower(question), id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KnowledgeArticle one(UUID id) {
        KnowledgeArticle article = KnowledgeArticle.findById(id);
        if (article == null) {
            throw Refusal.notFound("No knowledge-base article " + id);
        }
        return article;
    }

    public KnowledgeArticle add(Draft draft, String by) {
        KnowledgeArticle article = new KnowledgeArticle();
        article.id = UUID.randomUUID();
        article.author = by;
        article.createdAt = clock.instant();
        write(article, draft);
        article.persist();
        changed.fire(new Changed(article.id));
        return article;
    }

    public KnowledgeArticle change(UUID id, Draft draft, String by) {
        KnowledgeArticle article = one(id);
        write(article, draft);
        article.author = by;
        changed.fire(new Changed(id));
        return article;
    }

    public void remove(UUID id) {
        if (!KnowledgeArticle.deleteById(id)) {
            throw Refusal.notFound("No knowledge-base article " + id);
        }
        changed.fire(new Changed(id));
    }

    private void write(KnowledgeArticle article, Draft draft) {
        if (draft == null) {
            throw Refusal.badInput("a JSON body with question and answer is required");
        }
        article.question = required(draft.question(), "question", MAX_QUESTION);
        article.answer = required(draft.answer(), "answer", MAX_ANSWER);
        article.alternatives(alternatives(draft.alternatives()));
        String language = draft.language() == null || draft.language().isBlank() ? "en"
                : draft.language().strip().toLowerCase(Locale.ROOT);
        if (language.length() > MAX_LANGUAGE || !language.matches("[a-z]{2,3}(-[a-z0-9]+)*")) {
            throw Refusal.badInput("language must be a language tag such as en or fr-ca");
        }
        article.language = language;
        article.updatedAt = clock.instant();
    }

    private static List<String> alternatives(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ALTERNATIVES) {
            throw Refusal.badInput("at most " + MAX_ALTERNATIVES + " alternatives");
        }
        List<String> phrasings = new ArrayList<>();
        for (String phrasing : given) {
            String text = phrasing == null ? "" : phrasing.strip().replaceAll("\\s+", " ");
            if (text.isEmpty() || text.length() > MAX_QUESTION) {
                throw Refusal.badInput("each alternative is a phrasing of the question, 1 to " + MAX_QUESTION
                        + " characters");
            }
            phrasings.add(text);
        }
        return phrasings;
    }

    private static String required(String value, String name, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw Refusal.badInput(name + " is required, at most " + max + " characters");
        }
        return text;
    }
}
