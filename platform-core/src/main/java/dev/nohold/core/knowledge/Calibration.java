package dev.nohold.core.knowledge;

import java.util.List;

/**
 * Turns closeness into confidence by comparing each article with its best rival: when two articles are about
 * equally close, the question is probably ambiguous ("my order" — late, or cancelled?) and neither should be sent
 * without a person looking. Tuned on the labelled set in src/test/resources/knowledge (see KnowledgeBenchmark).
 */
final class Calibration {

    /** Within this distance of a rival, an article loses confidence ... */
    static final double WINDOW = 0.2;
    /** ... up to this much when the rival is exactly as close. */
    static final double PENALTY = 0.2;

    private Calibration() {
    }

    static List<FullTextKnowledgeBase.Scored> confidences(List<FullTextKnowledgeBase.Scored> scored) {
        return scored.stream().map(article -> {
            double score = article.closeness().score();
            double rival = scored.stream().filter(other -> other != article)
                    .mapToDouble(other -> other.closeness().score()).max().orElse(0);
            double closeRival = Math.max(0, rival - score + WINDOW) / WINDOW;
            return article.withConfidence(Math.clamp(score - PENALTY * Math.min(1, closeRival), 0, 1));
        }).toList();
    }
}
