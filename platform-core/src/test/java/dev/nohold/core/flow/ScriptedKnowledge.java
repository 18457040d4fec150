package dev.nohold.core.flow;

import dev.nohold.core.knowledge.KnowledgeBase;
import dev.nohold.core.knowledge.KnowledgeMatch;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The knowledge base in the flow tests: a question holding a scripted word is answered with that answer and
 * confidence, so each test says how sure the search is instead of depending on real articles.
 */
@Alternative
@Singleton
public class ScriptedKnowledge implements KnowledgeBase {

    private final Map<String, KnowledgeMatch> answers = new ConcurrentHashMap<>();

    public void answer(String word, String answer, double confidence) {
        answers.put(word.toLowerCase(Locale.ROOT), new KnowledgeMatch(KnowledgeMatch.Source.ARTICLE,
                UUID.randomUUID(), "How do I " + word + "?", answer, confidence));
    }

    public void forget() {
        answers.clear();
    }

    @Override
    public List<KnowledgeMatch> search(String question, String language, int limit) {
        String lower = question.toLowerCase(Locale.ROOT);
        return answers.entrySet().stream().filter(entry -> lower.contains(entry.getKey()))
                .map(Map.Entry::getValue).limit(limit).toList();
    }
}
