package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.flow.FlowCatalog;
import dev.nohold.core.flow.FlowFixtures;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin picks a flow and a channel in the inbox, types what a customer would say, and sees each step as that
 * channel shows it, the outcome and what was collected; they turn a flow off and on from the same panel.
 */
@QuarkusTest
class FlowSimulatedInTheBrowserTest extends InTheBrowser {

    @Inject
    DataSource dataSource;
    @Inject
    FlowCatalog catalog;

    @BeforeEach
    void clean() {
        FlowFixtures.reset(dataSource, catalog);
    }

    @Test
    void anAdminSimulatesAFlowStepByStepOnAChosenChannel() {
        page = window(1400, 1000);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        Locator flows = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Flows"));
        assertThat(flows.locator("li[data-flow=account-line] .tag-state")).hasText("Active");

        flows.getByLabel("Flow to simulate").selectOption("account-line");
        flows.getByLabel("Simulate on channel").selectOption("webchat");
        flows.getByLabel("Customer inputs (one per line)").fill("billing\n12ab\n123456");
        flows.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Simulate")).click();

        Locator simulation = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Simulation"));
        Locator steps = simulation.locator("ol > li");
        assertThat(steps).hasCount(4);
        assertThat(steps.nth(0)).containsText("What is it about?");
        assertThat(steps.nth(0)).containsText("Buttons: Billing | A question");
        assertThat(steps.nth(2)).containsText("Customer: 12ab");
        assertThat(steps.nth(2)).containsText("An account number has exactly six digits");
        assertThat(simulation).containsText("Outcome: Handed off");
        assertThat(simulation.locator("dl")).containsText("account123456");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(flows, "flow-simulation");

        flows.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate Account line")).click();
        assertThat(flows.locator("li[data-flow=account-line] .tag-state")).hasText("Inactive");
        Fixtures.as("admin").get("/api/flows").then()
                .body("find { it.id == 'account-line' }.active", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void anAdminUploadsAFlowSeesItsErrorLineFixesItAndActivatesIt() {
        page = window(1400, 1000);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        Locator flows = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Flows"));
        String broken = FlowFixtures.file("refund.yaml").replace("else: bye", "else: by");

        flows.getByLabel("Flow id").fill("refund");
        flows.getByLabel("Flow YAML").fill(broken);
        flows.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload flow")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(
                "flows/refund.yaml line 22: step 'decide' goes to 'by', which is not a step");

        flows.getByLabel("Flow YAML").fill(broken.replace("else: by", "else: bye")
                .replace("outcome: self-served", "outcome: ended"));
        flows.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload flow")).click();
        assertThat(flows.locator("li[data-flow=refund] .tag-state")).hasText("Inactive");
        flows.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activate Refunds")).click();
        assertThat(flows.locator("li[data-flow=refund] .tag-state")).hasText("Active");
    }
}
