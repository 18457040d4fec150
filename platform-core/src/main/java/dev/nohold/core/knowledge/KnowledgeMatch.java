package dev.nohold.core.knowledge;

import java.util.UUID;

/**
 * One answer found for a question: where it came from, the question it answers, the answer, and how sure the
 * search is, from 0 (unrelated) to 1 (certain); a flow answers automatically only above its own threshold.
 */
public record KnowledgeMatch(Source source, UUID id, String question, String answer, double confidence) {

    public enum Source { ARTICLE, PAST_ANSWER }
}
