package dev.nohold.core.api;

import dev.nohold.core.knowledge.KnowledgeArticle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A knowledge-base article as supervisors manage it. */
public record KnowledgeArticleView(UUID id, String question, String answer, List<String> alternatives,
                                   String language, String author, Instant createdAt, Instant updatedAt) {

    static KnowledgeArticleView of(KnowledgeArticle article) {
        return new KnowledgeArticleView(article.id, article.question, article.answer, article.alternatives(),
                article.language, article.author, article.createdAt, article.updatedAt);
    }
}
