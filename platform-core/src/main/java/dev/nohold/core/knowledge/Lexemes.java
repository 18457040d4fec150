package dev.nohold.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads PostgreSQL's text form of a tsvector ({@code 'refund':2A 'money':4,7}) back into its words in the order they
 * were written, so phrases ("money back") can be recognised in Java the way {@code <->} would in SQL.
 */
final class Lexemes {

    private Lexemes() {
    }

    static List<String> inOrder(String tsvector) {
        if (tsvector == null || tsvector.isBlank()) {
            return List.of();
        }
        Map<Integer, String> byPosition = new TreeMap<>();
        int unpositioned = 1 << 20;
        int i = 0;
        int length = tsvector.length();
        while (i < length) {
            if (tsvector.charAt(i) != '\'') {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            i++;
            while (i < length) {
                char c = tsvector.charAt(i);
                if (c == '\\' && i + 1 < length) {
                    word.append(tsvector.charAt(i + 1));
                    i += 2;
                } else if (c == '\'' && i + 1 < length && tsvector.charAt(i + 1) == '\'') {
                    word.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (i < length && tsvector.charAt(i) == ':') {
                i++;
                int start = i;
                while (i < length && tsvector.charAt(i) != ' ') {
                    i++;
                }
                for (String position : tsvector.substring(start, i).split(",")) {
                    byPosition.put(Integer.parseInt(position.replaceAll("[A-D]", "")), word.toString());
                }
            } else {
                byPosition.put(unpositioned++, word.toString());
            }
        }
        return new ArrayList<>(byPosition.values());
    }
}
