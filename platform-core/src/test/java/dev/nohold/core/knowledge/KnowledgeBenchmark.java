package dev.nohold.core.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How well automatic answers do on the labelled set in src/test/resources/knowledge: its articles are loaded into
 * the real database, every question is asked, and the best match counts as answered when its confidence reaches the
 * threshold. Prints, asserts nothing: precision (answered correctly / answered), recall (answered correctly / the
 * questions an article answers), the share of all questions answered automatically, and wrong answers given to
 * questions no article answers. The set is split by position: even questions were used to tune {@link Closeness}
 * and {@link Calibration}, odd ones were not, and both are printed.
 *
 * <pre>./mvnw -o -q -pl platform-core test -Pbenchmark -Dtest=KnowledgeBenchmark [-Dbenchmark.threshold=0.6]
 *     [-Dbenchmark.features=/tmp/features.jsonl]</pre>
 */
@QuarkusTest
@Tag("benchmark")
class KnowledgeBenchmark {

    static final double THRESHOLD = Double.parseDouble(System.getProperty("benchmark.threshold", "0.6"));
    static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9};

    record Article(String key, String question, String answer, List<String> alternatives) {
    }

    record Question(String text, String article) {
    }

    /** A question asked: its label, the best article found (or null) and the confidence of it. */
    record Asked(int index, Question question, String found, double confidence) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    KnowledgeArticles articles;
    @Inject
    FullTextKnowledgeBase knowledge;

    @Test
    void automaticAnswers() throws IOException {
        Fixtures.reset(dataSource);
        ObjectMapper json = new ObjectMapper();
        Map<UUID, String> keys = new HashMap<>();
        for (Article article : json.readValue(resource("knowledge/articles.json"), Article[].class)) {
            keys.put(articles.add(new KnowledgeArticles.Draft(article.question(), article.answer(),
                    article.alternatives(), "en"), "benchmark").id, article.key());
        }
        Question[] questions = json.readValue(resource("knowledge/questions.json"), Question[].class);
        List<Asked> asked = new ArrayList<>();
        String features = System.getProperty("benchmark.features");
        try (PrintWriter dump = features == null ? null : new PrintWriter(Files.newBufferedWriter(Path.of(features)))) {
            for (int i = 0; i < questions.length; i++) {
                Question question = questions[i];
                List<KnowledgeMatch> best = knowledge.search(question.text(), "en", 1);
                asked.add(best.isEmpty() ? new Asked(i, question, null, 0)
                        : new Asked(i, question, keys.get(best.getFirst().id()), best.getFirst().confidence()));
                if (dump != null) {
                    dump.println(features(json, i, question, knowledge.articles(question.text(), "en"), keys,
                            knowledge.termsHeld(question.text())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nKnowledge base: %d articles, %d questions (%d that no article answers)%n",
                keys.size(), questions.length, asked.stream().filter(a -> a.question().article() == null).count());
        table("tuning half (even questions)", asked.stream().filter(a -> a.index() % 2 == 0).toList());
        table("held-out half (odd questions)", asked.stream().filter(a -> a.index() % 2 == 1).toList());
        table("all questions", asked);
        System.out.printf(Locale.ROOT, "%nMistakes at %.2f (answered wrongly, or answerable and not answered):%n",
                THRESHOLD);
        for (Asked a : asked) {
            boolean answered = a.confidence() >= THRESHOLD;
            boolean right = a.found() != null && a.found().equals(a.question().article());
            if ((answered && !right) || (!answered && a.question().article() != null)) {
                System.out.printf(Locale.ROOT, "  %s %-70s label=%-20s best=%-20s %.2f%n",
                        answered ? "WRONG " : "missed", a.question().text(), a.question().article(), a.found(),
                        a.confidence());
            }
        }
    }

    private static void table(String title, List<Asked> asked) {
        long answerable = asked.stream().filter(a -> a.question().article() != null).count();
        System.out.printf(Locale.ROOT, "%n%s: %d questions, %d answerable%n", title, asked.size(), answerable);
        System.out.println("  threshold  precision  recall  answered automatically  wrong answers to unanswerable");
        for (double threshold : THRESHOLDS) {
            List<Asked> answered = asked.stream().filter(a -> a.confidence() >= threshold).toList();
            long right = answered.stream().filter(a -> a.found() != null && a.found().equals(a.question().article()))
                    .count();
            long wrongOnNone = answered.stream().filter(a -> a.question().article() == null).count();
            System.out.printf(Locale.ROOT, "  %s%.2f      %5.3f      %5.3f   %5.3f (%d of %d)          %d%n",
                    threshold == THRESHOLD ? "*" : " ", threshold,
                    answered.isEmpty() ? 1.0 : (double) right / answered.size(),
                    (double) right / answerable, (double) answered.size() / asked.size(), answered.size(),
                    asked.size(), wrongOnNone);
        }
    }

    private static String features(ObjectMapper json, int index, Question question,
                                   List<FullTextKnowledgeBase.Scored> found, Map<UUID, String> keys,
                                   Map<String, Integer> terms) throws IOException {
        List<Map<String, Object>> candidates = found.stream().map(s -> Map.<String, Object>of(
                "key", keys.get(s.id()), "coverage", s.closeness().coverage(),
                "phrasing", s.closeness().phrasing(), "said", s.closeness().said(),
                "phrasings", s.evidence().phrasings(), "answer", s.evidence().answer())).toList();
        Map<String, Object> line = new HashMap<>();
        line.put("index", index);
        line.put("text", question.text());
        line.put("label", question.article() == null ? "NONE" : question.article());
        line.put("candidates", candidates);
        line.put("terms", terms);
        return json.writeValueAsString(line);
    }

    private static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
}
