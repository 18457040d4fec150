package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
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
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A supervisor writes the knowledge base in the inbox; an agent answering a request inserts what it suggests. */
@QuarkusTest
class TheKnowledgeBaseInTheBrowserTest extends InTheBrowser {

    static final String REFUND_ANSWER = "Refunds go back to your card within 5 working days of receiving the return.";
    static final String PAST_ANSWER = "Sorry! Send us a photo of the damage and we send a new one.";

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void aSupervisorAddsEditsAndDeletesArticles() {
        page = window(1400, 900);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        Locator section = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Knowledge base"));
        assertThat(section.getByRole(AriaRole.LIST)).hasText("No articles yet.");

        section.getByLabel("Question").fill("How do I get a refund?");
        section.getByLabel("Other ways customers ask it (one a line)").fill("Can I get my money back?\n\nrefund status");
        section.getByLabel("Answer").fill("Within 5 working days.");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add article")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Article \"How do I get a refund?\" added.");
        assertThat(section.getByRole(AriaRole.LIST)).containsText("Also asked: Can I get my money back? · refund status");
        assertThat(section.getByRole(AriaRole.LIST)).containsText("Language: en · by sam");
        as("sam").get("/api/knowledge").then().body("alternatives[0]", contains("Can I get my money back?", "refund status"));
        RealBrowser.assertAccessible(page);

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit How do I get a refund?")).click();
        assertThat(section.getByLabel("Question")).isFocused();
        assertThat(section.getByLabel("Answer")).hasValue("Within 5 working days.");
        section.getByLabel("Answer").fill("Within 3 working days.");
        section.getByLabel("Language (a tag such as en or fr; empty for en)").fill("en-GB");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save article")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Article \"How do I get a refund?\" saved.");
        assertThat(section.getByRole(AriaRole.LIST)).containsText("Within 3 working days.");
        assertThat(section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add article"))).isVisible();
        as("sam").get("/api/knowledge").then().body("answer", contains("Within 3 working days."))
                .body("language", contains("en-gb"));
        RealBrowser.screenshot(section, "knowledge-base");

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete How do I get a refund?")).click();
        assertThat(section.getByRole(AriaRole.LIST)).hasText("No articles yet.");
    }

    @Test
    void anAgentInsertsASuggestedAnswerWithAKeyOrAButton() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("question", "How do I get a refund?", "answer", REFUND_ANSWER,
                        "alternatives", List.of("Can I get my money back?")))
                .post("/api/knowledge").then().statusCode(201);
        Fixtures.presence("alice", "AVAILABLE");
        UUID earlier = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550900",
                "My parcel arrived damaged")).id();
        awaitAssigned(earlier);
        as("alice").contentType(ContentType.JSON).body(Map.of("text", PAST_ANSWER))
                .post("/api/requests/" + earlier + "/reply").then().statusCode(201);
        UUID now = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550901",
                "The parcel arrived damaged, can I get a refund?")).id();
        awaitAssigned(now);

        page = window(1280, 900);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        page.navigate(base + "inbox?request=" + now);
        Locator suggested = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Suggested answers"));
        Locator items = suggested.getByRole(AriaRole.LISTITEM);
        assertThat(items).hasCount(2);
        assertThat(suggested).containsText(REFUND_ANSWER);
        assertThat(suggested).containsText(PAST_ANSWER);
        assertThat(suggested).containsText("Past answer");
        assertThat(suggested).containsText("Knowledge-base article");
        RealBrowser.assertAccessible(page);

        String first = items.first().locator("p").first().textContent();
        page.getByLabel("Reply").focus();
        page.keyboard().press("Alt+1");
        assertThat(page.getByLabel("Reply")).hasValue(first);

        page.getByLabel("Reply").fill("");
        suggested.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insert suggested answer 2")).click();
        String second = items.nth(1).locator("p").first().textContent();
        assertThat(page.getByLabel("Reply")).hasValue(second);
        assertThat(page.getByLabel("Reply")).isFocused();
        RealBrowser.screenshot(suggested, "suggested-answers");
    }

    private static void awaitAssigned(UUID id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .statusCode(200).body("assignedTo", equalTo("alice")).body("status", equalTo("ASSIGNED")));
    }
}
