package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A supervisor moves a request from one agent to another, and back to the queue; the agents' lists follow live. */
@QuarkusTest
class ASupervisorMovesWorkInTheBrowserTest extends InTheBrowser {

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
        Fixtures.createAgent("bob");
    }

    @Test
    void aSupervisorReassignsARequestAndTheAgentsListsFollowWithoutReloading() {
        Page alices = window(1280, 800);
        RealBrowser.logIn(alices, "alice", Fixtures.PASSWORD);
        alices.getByLabel("Presence").selectOption("AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550600", "Please move me")).id();
        Locator alicesList = requests(alices);
        assertThat(alicesList.getByRole(AriaRole.LINK)).hasCount(1);
        Fixtures.presence("bob", "AVAILABLE");
        Page bobs = window(1280, 800);
        RealBrowser.logIn(bobs, "bob", Fixtures.PASSWORD);

        page = window(1400, 900);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        page.navigate("/inbox?request=" + id);
        assertThat(page.locator("#request-holder")).hasText("alice");
        Locator supervise = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Supervise this request"));
        supervise.getByLabel("Reassign to").selectOption("bob");
        supervise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign")).click();

        assertThat(page.locator("#request-holder")).hasText("bob");
        assertThat(page.locator("#timeline")).containsText("Requeued");
        assertThat(page.locator("#agents-rows tr[data-username=bob]")).containsText("1 of 1");
        assertThat(alicesList.getByRole(AriaRole.LINK)).hasCount(0);
        assertThat(requests(bobs).getByRole(AriaRole.LINK)).hasCount(1);
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "supervisor-request");

        // From the agents table: bob's request back to the queue, by keyboard. Nobody is available, so the
        // dispatcher leaves it there (an available bob would get it straight back: the dispatcher knows no history).
        Fixtures.presence("alice", "AWAY");
        Fixtures.presence("bob", "AWAY");
        assertThat(page.locator("#agents-rows tr[data-username=bob]")).containsText("Away");
        Locator requeue = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Requeue " + reference(id)).setExact(true));
        requeue.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is back in the queue");
        assertThat(requests(bobs).getByRole(AriaRole.LINK)).hasCount(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED")));
        assertThat(page.locator("#request-status")).hasText("Queued");
        assertThat(page.locator("#agents-rows tr[data-username=bob]")).containsText("0 of 1");
    }

    private static Locator requests(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Requests").setExact(true));
    }

    private static String reference(UUID id) {
        return as("sam").get("/api/requests/" + id).then().extract().path("reference");
    }
}
