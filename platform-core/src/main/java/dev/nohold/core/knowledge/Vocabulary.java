package dev.nohold.core.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stemmed words of the knowledge base with the number of articles holding each ({@code ts_stat}), for two
 * things: how much a word says (a word in every article says little, one in a single article says much: idf), and
 * correcting a customer's misspelling to the word the articles use ("pasword" → "password").
 */
final class Vocabulary {

    private final Map<String, Integer> articlesWith;
    private final int articles;
    private final Synonyms synonyms;
    private final Set<String> synonymWords;
    /** Every word a misspelling may be corrected to. */
    private final Set<String> known;

    Vocabulary(Map<String, Integer> articlesWith, int articles, Synonyms synonyms) {
        this.articlesWith = Map.copyOf(articlesWith);
        this.articles = articles;
        this.synonyms = synonyms;
        this.synonymWords = synonyms.words();
        Set<String> all = new HashSet<>(articlesWith.keySet());
        all.addAll(synonymWords);
        this.known = Set.copyOf(all);
    }

    /**
     * How much a term says: log((N + 1) / (n + 0.5)) for a term in n of N articles (a synonym group counts the
     * articles of all its forms). A term no article holds weighs as much as the rarest that one does: a question
     * about something the knowledge base never mentions must not look answered because its other words matched,
     * but the jacket or the lamp a customer names should not drown what they ask about it.
     */
    double weight(String term) {
        return Math.log((articles + 1.0) / (Math.clamp(holding(term), 1, Math.max(1, articles)) + 0.5));
    }

    /** How many articles hold the term in one of its forms (counted once per form, so at most roughly). */
    int holding(String term) {
        int holding = 0;
        for (List<String> form : synonyms.forms(term)) {
            holding += form.stream().mapToInt(word -> articlesWith.getOrDefault(word, 0)).min().orElse(0);
        }
        return holding;
    }

    int articles() {
        return articles;
    }

    /** What the rarest word weighs: one that a single article holds. */
    double rarest() {
        return Math.log((articles + 1.0) / 1.5);
    }

    /** The word as the articles spell it: itself if known, else the most common known word one or two edits away. */
    List<String> corrected(List<String> words) {
        return words.stream().map(this::corrected).toList();
    }

    private String corrected(String word) {
        if (articlesWith.containsKey(word) || synonymWords.contains(word) || synonyms.isFiller(word)
                || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        int allowed = word.length() >= 8 ? 2 : word.length() >= 5 ? 1 : 0;
        String best = word;
        int bestDistance = allowed + 1;
        int bestCount = 0;
        for (String candidate : known) {
            if (Math.abs(candidate.length() - word.length()) > allowed) {
                continue;
            }
            int distance = distance(word, candidate, allowed);
            int count = articlesWith.getOrDefault(candidate, 0);
            if (distance < bestDistance || (distance == bestDistance && count > bestCount)) {
                best = candidate;
                bestDistance = distance;
                bestCount = count;
            }
        }
        return bestDistance <= allowed ? best : word;
    }


    /** Edits (insert, delete, replace, swap of neighbours) from a to b, or more than {@code limit} once it is sure. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
