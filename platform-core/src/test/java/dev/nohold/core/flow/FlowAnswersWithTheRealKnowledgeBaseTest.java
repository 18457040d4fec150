package dev.nohold.core.flow;

import dev.nohold.core.knowledge.KnowledgeArticles;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The shipped flow with the platform's own knowledge base: an article written in other words answers the customer. */
@QuarkusTest
class FlowAnswersWithTheRealKnowledgeBaseTest {

    @Inject
    DataSource dataSource;
    @Inject
    FlowCatalog catalog;
    @Inject
    KnowledgeArticles articles;

    @BeforeEach
    void clean() {
        FlowFixtures.reset(dataSource, catalog);
        Fixtures.createAgent("sam", "supervisor");
        articles.add(new KnowledgeArticles.Draft("How do I reset my password?",
                "Choose 'Forgot password' on the sign-in page and follow the link we e-mail you.",
                List.of("I forgot my password", "I can't log in"), null), "sam");
        articles.add(new KnowledgeArticles.Draft("How long does delivery take?",
                "Standard delivery takes 2 to 4 working days.", List.of("When will my order arrive?"), null), "sam");
    }

    @Test
    void aKnownQuestionIsAnsweredAndEndsSelfServed() {
        Fixtures.as("sam").contentType(ContentType.JSON)
                .body(Map.of("channel", "webchat", "inputs", List.of("hi, i forgot my pasword and cant sign in",
                        "Yes")))
                .post("/api/flows/answers/simulate")
                .then().statusCode(200)
                .body("steps[1].output", containsString("Forgot password"))
                .body("steps[1].quickReplies", equalTo(List.of("Yes", "No")))
                .body("outcome", equalTo("self-served"));
    }

    @Test
    void anUnknownQuestionGoesToPeople() {
        Fixtures.as("sam").contentType(ContentType.JSON)
                .body(Map.of("channel", "sms", "inputs", List.of("do you sell gift wrapping for birthday presents?")))
                .post("/api/flows/answers/simulate")
                .then().statusCode(200)
                .body("outcome", equalTo("handoff"))
                .body("collected.question", equalTo("do you sell gift wrapping for birthday presents?"));
    }
}
