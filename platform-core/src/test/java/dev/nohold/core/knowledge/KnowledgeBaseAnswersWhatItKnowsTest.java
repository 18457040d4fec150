package dev.nohold.core.knowledge;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.lessThan;

/**
 * What a customer notices of the automatic answers: asked in their own words, with typos, other word forms and
 * synonyms, the knowledge base finds the article and is sure of it; asked something it does not know, it is not.
 */
@QuarkusTest
class KnowledgeBaseAnswersWhatItKnowsTest {

    static final double AUTOMATIC = 0.6;

    @Inject
    DataSource dataSource;
    @Inject
    KnowledgeBase knowledge;
    @Inject
    KnowledgeArticles articles;

    KnowledgeArticle refund;
    KnowledgeArticle password;

    @BeforeEach
    void articles() {
        Fixtures.reset(dataSource);
        refund = articles.add(new KnowledgeArticles.Draft("How do I get a refund?",
                "Refunds go back to the card you paid with within 5 working days of us receiving the return.",
                List.of("Can I get my money back?", "When will I be refunded?"), null), "sam");
        password = articles.add(new KnowledgeArticles.Draft("How do I reset my password?",
                "Choose 'Forgot password' on the sign-in page and follow the link we e-mail you.",
                List.of("I forgot my password", "I can't log in"), null), "sam");
        articles.add(new KnowledgeArticles.Draft("What are your opening hours?",
                "Our shops are open Monday to Saturday, 9:00 to 18:00.", List.of("When are you open?"), null), "sam");
        articles.add(new KnowledgeArticles.Draft("How long does delivery take?",
                "Standard delivery takes 2 to 4 working days.", List.of("When will my order arrive?"), null), "sam");
    }

    @Test
    void aParaphrasedQuestionFindsItsArticleConfidently() {
        KnowledgeMatch best = knowledge.search("hi, i forgot my pasword and cant sign in, pls help", "en", 3).getFirst();

        assertThat(best.id(), equalTo(password.id));
        assertThat(best.source(), equalTo(KnowledgeMatch.Source.ARTICLE));
        assertThat(best.answer(), containsString("Forgot password"));
        assertThat(best.confidence(), greaterThanOrEqualTo(AUTOMATIC));
    }

    @Test
    void anotherWordFormIsTheSameWord() {
        KnowledgeMatch best = knowledge.search("refunds", "en", 3).getFirst();

        assertThat(best.id(), equalTo(refund.id));
        assertThat(best.confidence(), greaterThanOrEqualTo(AUTOMATIC));
    }

    @Test
    void aSynonymFindsTheArticleThatNeverUsesIt() {
        KnowledgeMatch best = knowledge.search("how can i be reimbursed", "en", 3).getFirst();

        assertThat(best.id(), equalTo(refund.id));
        assertThat(best.confidence(), greaterThanOrEqualTo(AUTOMATIC));
    }

    @Test
    void anUnrelatedQuestionGetsNothingConfident() {
        assertThat(confidences(knowledge.search("do you sell gift wrapping for birthday presents?", "en", 3)),
                everyItem(lessThan(AUTOMATIC)));
        assertThat(knowledge.search("the weather is nice today", "en", 3), empty());
    }

    @Test
    void aNearMissOnTheSameTopicIsNotAnsweredAutomatically() {
        assertThat(confidences(knowledge.search("can I change the password of my wifi router", "en", 3)),
                everyItem(lessThan(AUTOMATIC)));
    }

    @Test
    void anEditedArticleIsFoundByItsNewWords() {
        articles.change(refund.id, new KnowledgeArticles.Draft("How do I get a refund?", "Within 5 days.",
                List.of("Can I return a gift for store credit?"), null), "sam");

        assertThat(knowledge.search("return gift store credit", "en", 1).getFirst().id(), equalTo(refund.id));
    }

    @Test
    void anArticleAnswersInItsOwnLanguageOnly() {
        KnowledgeArticle french = articles.add(new KnowledgeArticles.Draft("Comment obtenir un remboursement ?",
                "Le remboursement arrive sous 5 jours ouvrés.", List.of(), "fr"), "sam");

        assertThat(knowledge.search("remboursement svp", "fr-CA", 1).getFirst().id(), equalTo(french.id));
        assertThat(knowledge.search("remboursement svp", "en", 3).stream().map(KnowledgeMatch::id).toList(),
                not(hasItem(french.id)));
    }

    private static List<Double> confidences(List<KnowledgeMatch> matches) {
        return matches.stream().map(KnowledgeMatch::confidence).toList();
    }
}
