package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin edits an agent, disables them (who is logged out at once), enables them and resets their password. */
@QuarkusTest
class AnAdminLooksAfterAgentsInTheBrowserTest extends InTheBrowser {

    @Inject
    DataSource dataSource;
    @Inject
    dev.nohold.core.channel.Intake intake;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("carol");
    }

    @Test
    void anAdminEditsDisablesEnablesAndResetsThePasswordOfAnAgent() {
        Page carols = window(1280, 800);
        RealBrowser.logIn(carols, "carol", Fixtures.PASSWORD);

        page = window(1400, 1000);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit carol")).click();
        Locator edit = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Edit agent carol"));
        assertThat(edit.getByLabel("Agent's display name")).isFocused();
        edit.getByLabel("Agent's display name").fill("Carol Smith");
        edit.getByLabel("Skills (comma-separated)").fill("billing, french");
        edit.getByLabel("Open requests at once").fill("3");
        edit.getByLabel("supervisor").check();
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        Locator row = page.locator("#agents-rows tr[data-username=carol]");
        assertThat(row).containsText("Carol Smith");
        assertThat(row).containsText("agent, supervisor");
        assertThat(row).containsText("0 of 3");
        as("admin").get("/api/agents").then().body("find { it.username == 'carol' }.skills", contains("billing", "french"));
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page.locator("#agent-edit"), "admin-edit-agent");

        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable account")).click();
        assertThat(row).containsText("disabled");
        assertThat(edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable account")))
                .isVisible();
        // Carol's open inbox finds its session ended at the next call, and she cannot log in again.
        carols.getByLabel("Presence").selectOption("AVAILABLE");
        carols.waitForURL("**/login");
        carols.getByLabel("Username").fill("carol");
        carols.getByLabel("Password").fill(Fixtures.PASSWORD);
        carols.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(carols.locator("body")).containsText("This account is disabled");

        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable account")).click();
        assertThat(row).not().containsText("disabled");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password")).click();
        Locator shown = edit.locator("#generated-password");
        assertThat(shown).containsText("New password for carol (shown only now): ");
        Matcher generated = Pattern.compile(": ([A-Za-z0-9]{16})$").matcher(shown.textContent());
        assertTrue(generated.find(), "the generated password is shown");
        given().auth().preemptive().basic("carol", generated.group(1)).get("/api/me").then().statusCode(200)
                .body("displayName", equalTo("Carol Smith"));
        given().auth().preemptive().basic("carol", Fixtures.PASSWORD).get("/api/me").then().statusCode(401);

        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit carol"))).isFocused();
    }

    @Test
    void everyAdminAndSupervisorViewFitsAPhoneAndPassesAxe() {
        Fixtures.createAgent("sam", "supervisor");
        Fixtures.presence("carol", "AVAILABLE");
        java.util.UUID id = intake.submit(dev.nohold.core.channel.InboundMessage.text(
                dev.nohold.core.testing.RecordingChannel.ID, "+15551100", "A refund, please")).id();

        page = window(360, 740);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        page.navigate("/inbox?request=" + id);
        assertThat(page.locator("#request-holder")).hasText("carol");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit carol")).click();
        Locator search = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Search requests"));
        search.getByLabel("Words").fill("refunds");
        search.getByLabel("Words").press("Enter");
        assertThat(search.locator("#search-total")).hasText("Requests 1 to 1 of 1.");
        assertThat(page.locator("#queue-holders li[data-username=carol]")).containsText("1 of 1");

        org.junit.jupiter.api.Assertions.assertEquals(true,
                page.evaluate("() => document.documentElement.scrollWidth <= 360"), "nothing is wider than the phone");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "admin-phone");
    }
}
