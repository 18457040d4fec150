package dev.nohold.core.api;

import dev.nohold.core.knowledge.KnowledgeMatch;

import java.util.Locale;
import java.util.UUID;

/**
 * An answer the knowledge base found: {@code source} is "article" or "past-answer" (then {@code id} is the request
 * answered), with the question it answers and the confidence, 0 to 1, rounded to two places.
 */
public record KnowledgeMatchView(String source, UUID id, String question, String answer, double confidence) {

    static KnowledgeMatchView of(KnowledgeMatch match) {
        return new KnowledgeMatchView(match.source().name().toLowerCase(Locale.ROOT).replace('_', '-'), match.id(),
                match.question(), match.answer(), Math.round(match.confidence() * 100) / 100.0);
    }
}
