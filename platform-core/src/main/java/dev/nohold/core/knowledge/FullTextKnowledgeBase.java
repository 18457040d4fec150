package dev.nohold.core.knowledge;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The knowledge base searched with PostgreSQL's full-text search: the question is read as {@link KnowledgeWords}
 * says (stemmed, misspellings corrected, synonyms made one), the articles and past answers its tsquery finds are
 * ranked by {@code ts_rank_cd} (question and phrasings above answers), and the best are scored in Java for a
 * confidence ({@link Closeness}, lowered by {@link Calibration} when another article is nearly as close).
 */
@ApplicationScoped
public class FullTextKnowledgeBase implements KnowledgeBase {

    static final int CANDIDATES = 20;
    /** What is read of a question: enough for any question, and a long e-mail asks its question near the top. */
    public static final int MAX_QUESTION = 2000;
    static final int RECENT_REQUESTS = 2000;
    /** Past answers were written for one customer (names, order numbers): agents see them, flows never send them. */
    static final double PAST_ANSWER_CEILING = 0.5;

    private final DataSource dataSource;
    private final KnowledgeWords words;

    public FullTextKnowledgeBase(DataSource dataSource, KnowledgeWords words) {
        this.dataSource = dataSource;
        this.words = words;
    }

    @Override
    public List<KnowledgeMatch> search(String question, String language, int limit) {
        return search(question, language, limit, PastAnswers.ALL);
    }

    /**
     * What an agent answering a request is shown: as {@link #search(String, String, int)}, without that request's own
     * answer, and past answers only of requests the agent may see (a supervisor or admin: all; an agent: those they
     * held or answered), as the inbox's other views show them.
     */
    public List<KnowledgeMatch> suggestions(String username, String question, String language, int limit,
                                            UUID excludingRequest) {
        Agent agent = Agent.findByUsername(username)
                .orElseThrow(() -> Refusal.forbidden("No agent " + username));
        return search(question, language, limit,
                new PastAnswers(excludingRequest, agent.seesAllRequests() ? null : agent.id));
    }

    /** Which past answers a search may show: all but one request's (or none's), of one agent's requests or all. */
    record PastAnswers(UUID excludingRequest, UUID ofAgent) {
        static final PastAnswers ALL = new PastAnswers(null, null);
    }

    private List<KnowledgeMatch> search(String question, String language, int limit, PastAnswers pastAnswers) {
        if (question == null || question.isBlank() || limit < 1) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Asked asked = read(connection, question, language);
            if (asked.terms().isEmpty()) {
                return List.of();
            }
            List<KnowledgeMatch> found = new ArrayList<>(
                    Calibration.confidences(articles(connection, asked)).stream().map(Scored::match).toList());
            found.addAll(pastAnswers(connection, asked, pastAnswers));
            return found.stream()
                    .sorted(Comparator.comparingDouble(KnowledgeMatch::confidence).reversed())
                    .limit(limit)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("The knowledge base could not be searched", e);
        }
    }

    /** The articles the question's words find, each with how close it is, for the benchmark's figures. */
    List<Scored> articles(String question, String language) {
        try (Connection connection = dataSource.getConnection()) {
            Asked asked = read(connection, question, language);
            return asked.terms().isEmpty() ? List.of() : articles(connection, asked);
        } catch (SQLException e) {
            throw new IllegalStateException("The knowledge base could not be searched", e);
        }
    }

    /** An article's terms: those of each phrasing (the question first), and those of its answer. */
    record Evidence(List<Set<String>> phrasings, Set<String> answer) {
    }

    /** For the benchmark: the question's terms, each with the number of articles holding it, and of articles. */
    Map<String, Integer> termsHeld(String question) {
        try (Connection connection = dataSource.getConnection()) {
            Asked asked = read(connection, question, null);
            Map<String, Integer> held = new java.util.LinkedHashMap<>();
            asked.terms().forEach(term -> held.put(term, asked.words().holding(term)));
            held.put("", asked.words().articles());
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("The knowledge base could not be searched", e);
        }
    }

    /** A question as the search reads it: its terms, the tsquery finding them, its language, the words' weights. */
    private record Asked(Set<String> terms, String query, String language, Vocabulary words) {
    }

    private Asked read(Connection connection, String question, String language) throws SQLException {
        Vocabulary known = words.vocabulary(connection);
        Synonyms synonyms = words.synonyms();
        String read = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
        Set<String> terms = synonyms.terms(known.corrected(Lexemes.inOrder(KnowledgeWords.vectorOf(connection, read))));
        return new Asked(terms, terms.isEmpty() ? "" : synonyms.anyOf(terms), primaryLanguage(language), known);
    }

    private List<Scored> articles(Connection connection, Asked asked) throws SQLException {
        String sql = """
                select a.id, a.question, a.answer, to_tsvector('english', a.question)::text,
                       array(select to_tsvector('english', l)::text
                             from unnest(string_to_array(a.alternatives, E'\\n')) l),
                       to_tsvector('english', a.answer)::text
                from knowledge_article a, cast(? as tsquery) q
                where a.search_words @@ q and split_part(a.language, '-', 1) = ?
                order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', a.search_words, q, 1) desc, a.id
                limit ?""";
        List<Scored> scored = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, asked.query());
            statement.setString(2, asked.language());
            statement.setInt(3, CANDIDATES);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Set<String>> phrasings = new ArrayList<>();
                    phrasings.add(termsOf(rows.getString(4)));
                    Array alternatives = rows.getArray(5);
                    for (Object vector : (Object[]) alternatives.getArray()) {
                        phrasings.add(termsOf((String) vector));
                    }
                    Set<String> answer = termsOf(rows.getString(6));
                    Closeness closeness = Closeness.of(asked.terms(), phrasings, answer, asked.words()::weight,
                            asked.words().rarest());
                    scored.add(new Scored(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            closeness, closeness.score(), new Evidence(phrasings, answer)));
                }
            }
        }
        return scored;
    }

    /**
     * The requests whose words the question's find, among the most recent {@link #RECENT_REQUESTS} that do (ranking
     * every match of a common word in years of requests would cost more than an agent waits), with their latest
     * written reply; a reply given twice is shown once.
     */
    private List<KnowledgeMatch> pastAnswers(Connection connection, Asked asked, PastAnswers which)
            throws SQLException {
        String sql = """
                with q as (select cast(? as tsquery) q),
                recent as (select r.id, r.text, r.search_words, r.created_at from customer_request r, q
                           where r.search_words @@ q.q and r.id <> ?
                             and (cast(? as uuid) is null or r.assigned_agent_id = cast(? as uuid)
                                  or exists (select 1 from reply m where m.request_id = r.id
                                             and m.agent_id = cast(? as uuid)))
                             and (r.language is null or split_part(lower(r.language), '-', 1) = ?)
                           order by r.created_at desc limit ?)
                select r.id, r.text, p.text, to_tsvector('english', r.text)::text, to_tsvector('english', p.text)::text
                from recent r cross join q
                join lateral (select text from reply where request_id = r.id and text is not null and text <> ''
                              order by at desc limit 1) p on true
                order by ts_rank_cd(r.search_words, q.q, 1) desc, r.created_at desc
                limit ?""";
        List<KnowledgeMatch> found = new ArrayList<>();
        Set<String> answers = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, asked.query());
            statement.setObject(2, which.excludingRequest() == null ? new UUID(0, 0) : which.excludingRequest());
            for (int i = 3; i <= 5; i++) {
                statement.setObject(i, which.ofAgent(), java.sql.Types.OTHER);
            }
            statement.setString(6, asked.language());
            statement.setInt(7, RECENT_REQUESTS);
            statement.setInt(8, CANDIDATES);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String answer = rows.getString(3);
                    if (!answers.add(answer.strip().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    Closeness closeness = Closeness.of(asked.terms(), List.of(termsOf(rows.getString(4))),
                            termsOf(rows.getString(5)), asked.words()::weight, asked.words().rarest());
                    found.add(new KnowledgeMatch(KnowledgeMatch.Source.PAST_ANSWER, rows.getObject(1, UUID.class),
                            rows.getString(2), answer, PAST_ANSWER_CEILING * closeness.score()));
                }
            }
        }
        return found;
    }

    private Set<String> termsOf(String vector) {
        return words.synonyms().terms(Lexemes.inOrder(vector));
    }

    private static String primaryLanguage(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        return language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    /**
     * An article found: how close it is alone, how sure the search is of it (after {@link Calibration}), and the
     * terms it was judged on, for the benchmark.
     */
    record Scored(UUID id, String question, String answer, Closeness closeness, double confidence, Evidence evidence) {

        Scored withConfidence(double sure) {
            return new Scored(id, question, answer, closeness, sure, evidence);
        }

        KnowledgeMatch match() {
            return new KnowledgeMatch(KnowledgeMatch.Source.ARTICLE, id, question, answer, confidence);
        }
    }
}
