package dev.nohold.core.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How the knowledge base reads words: the synonyms and filler words (resources, stemmed once by PostgreSQL) and
 * the articles' vocabulary (read again after an edit on this node, or after {@link #VOCABULARY_AGE}).
 *
 * <p>Synonyms come from a resource file rather than a PostgreSQL synonym or thesaurus dictionary: those are files
 * in the server's share directory, which the embedded server (and many managed ones) does not let us install, and
 * a dictionary would also change how the stored vectors are built, so every edit would need a re-index.
 */
@ApplicationScoped
public class KnowledgeWords {

    /** How long a node trusts its copy of the vocabulary: another node's edit is seen within this time. */
    static final Duration VOCABULARY_AGE = Duration.ofSeconds(30);

    private final Clock clock;
    private volatile Synonyms synonyms;
    private volatile Vocabulary vocabulary;
    private volatile Instant vocabularyRead = Instant.MIN;

    public KnowledgeWords(Clock clock) {
        this.clock = clock;
    }

    /** The synonyms, once {@link #vocabulary} has been asked for on some connection. */
    Synonyms synonyms() {
        return synonyms;
    }

    Vocabulary vocabulary(Connection connection) throws SQLException {
        if (synonyms == null) {
            synonyms = readSynonyms(connection);
        }
        Instant now = clock.instant();
        Vocabulary known = vocabulary;
        if (known != null && vocabularyRead.plus(VOCABULARY_AGE).isAfter(now)) {
            return known;
        }
        Map<String, Integer> articlesWith = new HashMap<>();
        int articles;
        try (PreparedStatement statement = connection.prepareStatement(
                "select word, ndoc from ts_stat('select search_words from knowledge_article')");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                articlesWith.put(rows.getString(1), rows.getInt(2));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from knowledge_article");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            articles = rows.getInt(1);
        }
        known = new Vocabulary(articlesWith, articles, synonyms);
        vocabulary = known;
        vocabularyRead = now;
        return known;
    }

    void articlesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) KnowledgeArticles.Changed change) {
        vocabularyRead = Instant.MIN;
    }

    static String vectorOf(Connection connection, String text) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_tsvector('english', ?)::text")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static Synonyms readSynonyms(Connection connection) throws SQLException {
        List<String> lines = resourceLines("knowledge/synonyms.txt");
        List<String> members = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String line : lines) {
            List<String> group = Arrays.stream(line.split(",")).map(String::strip).toList();
            members.addAll(group);
            sizes.add(group.size());
        }
        List<List<String>> stemmed = stemmed(connection, members);
        List<List<List<String>>> groups = new ArrayList<>();
        int at = 0;
        for (int size : sizes) {
            groups.add(stemmed.subList(at, at + size));
            at += size;
        }
        List<String> fillers = resourceLines("knowledge/filler-words.txt");
        return new Synonyms(groups, new HashSet<>(stemmed(connection, List.of(String.join(" ", fillers))).getFirst()));
    }

    /** Each text's stemmed words in order, in one round trip. */
    private static List<List<String>> stemmed(Connection connection, List<String> texts) throws SQLException {
        List<List<String>> stemmed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select to_tsvector('english', t)::text from unnest(?) with ordinality u(t, n) order by n")) {
            Array array = connection.createArrayOf("text", texts.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stemmed.add(Lexemes.inOrder(rows.getString(1)));
                }
            }
        }
        return stemmed;
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
