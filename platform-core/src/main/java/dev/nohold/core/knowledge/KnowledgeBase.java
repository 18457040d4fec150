package dev.nohold.core.knowledge;

import java.util.List;

/**
 * Answers a customer's question from what the platform already knows: the knowledge base's articles and the
 * agents' own past answers, searched by meaning of the words (PostgreSQL full-text search). Flows use the best
 * match to answer automatically when it is confident; the inbox shows agents the best few for the open request.
 */
public interface KnowledgeBase {

    /**
     * The best matches for what the customer wrote, best first, at most {@code limit}; empty when nothing matches.
     * {@code language} is the conversation's BCP-47 tag, or null for the default.
     */
    List<KnowledgeMatch> search(String question, String language, int limit);
}
