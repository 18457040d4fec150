package dev.nohold.core.dispatch;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request in a language waits for an agent who speaks it, however idle the others are; agents with no languages
 * listed take any request, and a request with no language goes to anyone.
 */
@QuarkusTest
class RequestsGoToAgentsWhoSpeakTheirLanguageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aFrenchRequestWaitsForTheFrenchSpeakingAgentWhileAnEnglishOnlyAgentIsIdle() {
        createAgent("english", List.of("en"));
        createAgent("french", List.of("FR"));
        as("french").get("/api/me").then().body("languages", contains("fr"));
        Fixtures.presence("english", "AVAILABLE");

        IntakeReceipt french = submit("fr-FR", "Bonjour, ma commande");
        IntakeReceipt english = submit("en-US", "Hello, my order");
        // The English request, though newer, goes first: the French one was never the English agent's to take.
        awaitAssigned("english", english);
        as("admin").get("/api/requests/" + french.id()).then().body("status", equalTo("QUEUED"));

        Fixtures.presence("french", "AVAILABLE");
        awaitAssigned("french", french);
    }

    @Test
    void anAgentWithNoLanguagesTakesAnyAndARequestWithNoLanguageGoesToAnyone() {
        createAgent("french", List.of("fr"));
        Fixtures.presence("french", "AVAILABLE");
        IntakeReceipt unknown = submit(null, "a question in no stated language");
        awaitAssigned("french", unknown);

        createAgent("anyone", List.of());
        Fixtures.presence("anyone", "AVAILABLE");
        IntakeReceipt german = submit("de", "Guten Tag");
        awaitAssigned("anyone", german);
    }

    @Test
    void aLanguageThatIsNotATagIsRefused() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "babel", "password", Fixtures.PASSWORD, "languages", List.of("French!")))
                .post("/api/admin/agents").then().statusCode(400)
                .body("error", containsString("a language is a tag"));
    }

    private static void createAgent(String username, List<String> languages) {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Fixtures.PASSWORD, "languages", languages))
                .post("/api/admin/agents").then().statusCode(201);
    }

    private IntakeReceipt submit(String language, String text) {
        return intake.submit(InboundMessage.from(RecordingChannel.ID, "customer " + text).text(text)
                .language(language).build());
    }

    private static void awaitAssigned(String agent, IntakeReceipt receipt) {
        await().atMost(PATIENCE).untilAsserted(() -> as("admin").get("/api/requests/" + receipt.id()).then()
                .body("status", equalTo("ASSIGNED"))
                .body("assignedTo", equalTo(agent)));
    }
}
