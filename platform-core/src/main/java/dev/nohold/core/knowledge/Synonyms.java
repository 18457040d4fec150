package dev.nohold.core.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words that mean the same (knowledge/synonyms.txt) and the words that mean nothing (knowledge/filler-words.txt),
 * already stemmed. Both a question and an article's phrasings are read through it: each word or phrase of a group
 * becomes the group's first member, so "money back" and "reimbursement" compare equal to "refund".
 */
final class Synonyms {

    private final Map<List<String>, String> canonical = new HashMap<>();
    private final Map<String, List<List<String>>> members = new HashMap<>();
    private final Set<String> fillers;
    private final int longest;

    /** {@code groups}: each group's members as stemmed words; {@code fillers}: stemmed words to leave out. */
    Synonyms(List<List<List<String>>> groups, Set<String> fillers) {
        this.fillers = Set.copyOf(fillers);
        int longestPhrase = 1;
        for (List<List<String>> group : groups) {
            List<List<String>> usable = group.stream().filter(member -> !member.isEmpty()).distinct().toList();
            if (usable.isEmpty()) {
                continue;
            }
            String name = String.join(" ", usable.getFirst());
            for (List<String> member : usable) {
                canonical.putIfAbsent(member, name);
                longestPhrase = Math.max(longestPhrase, member.size());
            }
            members.computeIfAbsent(name, n -> new ArrayList<>()).addAll(usable);
        }
        this.longest = longestPhrase;
    }

    /** The terms of a text given as its stemmed words in order: fillers left out, synonyms made one, each once. */
    Set<String> terms(List<String> words) {
        List<String> kept = words.stream().filter(word -> !fillers.contains(word)).toList();
        Set<String> terms = new LinkedHashSet<>();
        int i = 0;
        while (i < kept.size()) {
            int matched = 0;
            for (int size = Math.min(longest, kept.size() - i); size >= 1 && matched == 0; size--) {
                String name = canonical.get(kept.subList(i, i + size));
                if (name != null) {
                    terms.add(name);
                    matched = size;
                }
            }
            if (matched == 0) {
                terms.add(kept.get(i));
                matched = 1;
            }
            i += matched;
        }
        return terms;
    }

    /** Every way a term may be written in a document, as stemmed word sequences (the term itself if no group). */
    List<List<String>> forms(String term) {
        return members.getOrDefault(term, List.of(List.of(term.split(" "))));
    }

    /** A tsquery that finds any of the terms in any of their forms. */
    String anyOf(Set<String> terms) {
        return terms.stream()
                .flatMap(term -> forms(term).stream())
                .distinct()
                .map(form -> form.stream().map(Synonyms::quoted).collect(Collectors.joining(" <-> ", "(", ")")))
                .collect(Collectors.joining(" | "));
    }

    /** Every single stemmed word the groups know, for spelling correction. */
    Set<String> words() {
        Set<String> words = new HashSet<>();
        members.values().forEach(group -> group.forEach(words::addAll));
        return words;
    }

    boolean isFiller(String word) {
        return fillers.contains(word);
    }

    private static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
