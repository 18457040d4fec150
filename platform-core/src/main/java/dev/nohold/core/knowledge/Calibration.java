package dev.nohold.core.knowledge;

import java.util.Comparator;
import java.util.List;

/**
 * Turns closeness into confidence by comparing each article with its best rival: when two articles are about
 * equally close, the question is probably ambiguous ("my order" — late, or cancelled?) and neither should be sent
 * without a person looking. Tuned on the labelled set in src/test/resources/knowledge (see KnowledgeBenchmark).
 */
final class Calibration {

    /** Within this distance of a rival, an article loses confidence ... */
    static final double WINDOW = 0.15;
    /** ... up to this much when the rival is exactly as close. */
    static final double PENALTY = 0.15;

    private Calibration() {
    }

    static List<FullTextKnowledgeBase.Scored> confidences(List<FullTextKnowledgeBase.Scored> scored) {
        List<FullTextKnowledgeBase.Scored> best = scored.stream()
                .sorted(Comparator.comparingDouble(FullTextKnowledgeBase.Scored::score).reversed())
                .toList();
        return best.stream().map(article -> {
            double rival = best.stream().filter(other -> other != article)
                    .mapToDouble(FullTextKnowledgeBase.Scored::score).max().orElse(0);
            double closeRival = Math.max(0, rival - article.score() + WINDOW) / WINDOW;
            double confidence = article.score() - PENALTY * Math.min(1, closeRival);
            return new FullTextKnowledgeBase.Scored(article.id(), article.question(), article.answer(),
                    Math.clamp(confidence, 0, 1));
        }).toList();
    }
}
