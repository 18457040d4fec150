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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A supervisor finds requests by their words and pages through the results. */
@QuarkusTest
class ASupervisorSearchesInTheBrowserTest extends InTheBrowser {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void aSupervisorSearchesByWordsAndPagesThroughTheResults() {
        for (int i = 0; i < 23; i++) {
            intake.submit(InboundMessage.text(RecordingChannel.ID, "+155508" + String.format("%02d", i),
                    "Please refund order " + i));
        }
        intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550899", "Where is my parcel?"));

        page = window(1400, 900);
        RealBrowser.logIn(page, "sam", Fixtures.PASSWORD);
        Locator search = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Search requests"));
        search.getByLabel("Words").fill("refunds");
        search.getByLabel("Status").selectOption("QUEUED");
        search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();

        Locator results = search.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Search results"));
        assertThat(search.locator("#search-total")).hasText("Requests 1 to 20 of 23.");
        assertThat(results.getByRole(AriaRole.LISTITEM)).hasCount(20);
        assertThat(results).not().containsText("parcel");
        Locator previous = search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous"));
        Locator next = search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next"));
        assertThat(previous).isDisabled();
        next.click();
        assertThat(search.locator("#search-total")).hasText("Requests 21 to 23 of 23.");
        assertThat(results.getByRole(AriaRole.LISTITEM)).hasCount(3);
        assertThat(results.getByRole(AriaRole.LISTITEM).last()).containsText("Please refund order 0");
        assertThat(next).isDisabled();
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(search, "supervisor-search");
        previous.click();
        assertThat(search.locator("#search-total")).hasText("Requests 1 to 20 of 23.");

        results.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText("Please refund order 22");
    }
}
