package dev.nohold.core.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How well one article answers a question, from 0 to 1, before it is compared with the other articles. Two parts,
 * each weighing every word by how much it says ({@link Vocabulary#weight}):
 * <ul>
 *   <li>how much of the question the article speaks of: its words found among the article's phrasings, half as
 *   much when only in the answer ("coverage"); a question with words the article never mentions is about
 *   something else, however well the rest matches;</li>
 *   <li>how much of the article's closest phrasing the question holds ("phrasing"): a question that holds all of
 *   "how do I reset my password" asks that, even in a longer sentence.</li>
 * </ul>
 */
record Closeness(double coverage, double phrasing, double said) {

    static final double ANSWER_ONLY = 0.5;
    /**
     * What a question or phrasing must weigh to count in full, as a share of what the rarest word weighs: "my
     * order" (one common word) says too little to be answered, and a phrasing the stop words reduced to "order"
     * ("This is not what I ordered") proves nothing. Relative, so it means the same for 5 articles or 5000.
     */
    static final double ENOUGH = 0.7;

    static Closeness of(Set<String> question, List<Set<String>> phrasings, Set<String> answer,
                        ToDoubleFunction<String> weight, double rarest) {
        double enough = ENOUGH * rarest;
        double asked = 0;
        double covered = 0;
        Set<String> askedOf = new HashSet<>();
        phrasings.forEach(askedOf::addAll);
        for (String term : question) {
            double w = weight.applyAsDouble(term);
            asked += w;
            covered += askedOf.contains(term) ? w : answer.contains(term) ? ANSWER_ONLY * w : 0;
        }
        double best = 0;
        for (Set<String> phrasing : phrasings) {
            double held = 0;
            double all = 0;
            for (String term : phrasing) {
                double w = weight.applyAsDouble(term);
                all += w;
                held += question.contains(term) ? w : 0;
            }
            best = Math.max(best, held / Math.max(all, enough));
        }
        return new Closeness(asked == 0 ? 0 : covered / asked, best, Math.min(1, asked / enough));
    }

    /**
     * The two parts together, both must be high for the whole to be, less when the question says little. The
     * exponents were chosen on the benchmark's tuning half: coverage weighs more than phrasing, since customers add
     * words of their own far more often than they leave out the article's.
     */
    double score() {
        return Math.pow(coverage, 0.5) * Math.pow(phrasing, 0.3) * Math.sqrt(said);
    }
}
