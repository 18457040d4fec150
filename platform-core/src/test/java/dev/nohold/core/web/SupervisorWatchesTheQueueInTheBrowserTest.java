package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A supervisor sees the queue's figures and chart move as requests arrive and agents come and go. */
@QuarkusTest
class SupervisorWatchesTheQueueInTheBrowserTest extends InTheBrowser {

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("sam", "supervisor");
        Fixtures.createAgent("alice");
    }

    @Test
    void theQueueFiguresAndChartChangeLiveAsRequestsArrive() {
        page = window(1400, 900);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        Locator queue = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Queue").setExact(true));
        assertThat(queue).containsText("Queued 0");
        assertThat(queue).containsText("Available 0");
        Locator chart = queue.locator("canvas");
        assertThat(chart).hasAttribute("data-values", "0,0,0,0,0,0,0,0");
        page.evaluate("() => window.loadedOnce = true");

        for (int i = 1; i <= 3; i++) {
            intake.submit(InboundMessage.text(RecordingChannel.ID, "+1555020" + i, "Question number " + i));
        }

        assertThat(queue).containsText("Queued 3");
        assertThat(queue.locator("#oldest-wait")).not().hasText("none");
        assertThat(chart).hasAttribute("data-values", "0,0,3,0,0,0,0,0");

        Fixtures.presence("alice", "AVAILABLE");
        assertThat(queue).containsText("Queued 2");
        assertThat(queue).containsText("Assigned 1");
        assertThat(queue).containsText("Available 1");
        assertThat(chart).hasAttribute("data-values", "0,0,2,1,0,0,0,0");
        Locator alice = page.locator("#agents-rows tr[data-username=alice]");
        assertThat(alice).containsText("Available");
        assertThat(alice).containsText("1 of 1");
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        org.junit.jupiter.api.Assertions.assertEquals(true, page.evaluate("() => window.loadedOnce"),
                "the figures changed without a reload");

        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "queue-supervisor");
    }

    @Test
    void waitsAnswersAndWhoHoldsWhatChangeLiveAsRequestsArriveAndAreAnswered() {
        page = window(1400, 1000);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        Locator queue = page.getByRole(AriaRole.REGION,
                new Page.GetByRoleOptions().setName("Answers and waits").setExact(true));
        assertThat(queue.locator("#average-wait")).hasText("none");
        assertThat(queue.locator("#queue-channels")).hasText("No requests yet.");
        page.evaluate("() => window.loadedOnce = true");

        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(intake.submit(InboundMessage.text(RecordingChannel.ID, "+1555030" + i, "Question " + i)).id());
        }
        assertThat(queue.locator("#queue-channels")).hasText("test: Queued 3");

        Fixtures.presence("alice", "AVAILABLE");
        assertThat(queue.locator("#queue-channels")).hasText("test: Queued 2, Assigned 1");
        assertThat(queue.locator("#queue-holders li[data-username=alice]")).containsText("(Available, 1 of 1): ");
        assertThat(queue.locator("#average-wait")).not().hasText("none");
        assertThat(queue.locator("#p90-wait")).not().hasText("none");
        assertThat(queue.locator("#wait-window")).containsText("(1 request)");

        java.util.UUID held = ids.stream().filter(id -> "alice".equals(Fixtures.as("alice").get("/api/requests/" + id)
                .then().extract().path("assignedTo"))).findFirst().orElseThrow();
        Fixtures.as("alice").contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("text", "Answered")).post("/api/requests/" + held + "/reply")
                .then().statusCode(201);
        assertThat(queue.locator("#answered-last-hour")).hasText("1");
        assertThat(queue.locator("#answered-chart")).hasAttribute("data-values",
                java.util.regex.Pattern.compile("^(0,){23}1$"));
        assertThat(queue.locator("#wait-window")).containsText("(2 requests)");
        org.junit.jupiter.api.Assertions.assertEquals(true, page.evaluate("() => window.loadedOnce"),
                "the figures changed without a reload");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(queue, "queue-figures");
    }

    @Test
    void anAdminCreatesAnAgentWhoCanThenLogIn() {
        page = window(1400, 900);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        Locator agents = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Agents"));
        agents.getByLabel("New username").fill("carol");
        agents.getByLabel("Display name").fill("Carol <i>Smith</i>");
        agents.getByLabel("New password").fill("carols-password");
        agents.getByLabel("Role").selectOption("supervisor");
        agents.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create agent")).click();

        Locator carol = page.locator("#agents-rows tr[data-username=carol]");
        assertThat(carol).containsText("Carol <i>Smith</i> (carol)");
        assertThat(carol).containsText("supervisor");
        assertThat(carol).containsText("Offline");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(agents, "admin-agents");

        Page hers = window(1280, 800);
        RealBrowser.logIn(hers, "carol", "carols-password");
        assertThat(hers.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Queue").setExact(true)))
                .isVisible();
        assertThat(hers.locator("#agent-form")).hasCount(0);
    }

    @Test
    void aSupervisorWritesAndRemovesCannedResponses() {
        page = window(1400, 900);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        Locator section = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Canned responses"));
        section.getByLabel("Title").fill("Refund");
        section.getByLabel("Text").fill("Your refund for {reference} is on its way.");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add canned response")).click();

        assertThat(section.getByRole(AriaRole.LIST)).containsText("Your refund for {reference} is on its way.");
        assertThat(page.getByLabel("Canned response").locator("option")).hasText(new String[]{"Choose…", "Refund"});
        RealBrowser.assertAccessible(page);

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Refund")).click();
        assertThat(section.getByRole(AriaRole.LIST)).hasText("None yet.");
    }
}
