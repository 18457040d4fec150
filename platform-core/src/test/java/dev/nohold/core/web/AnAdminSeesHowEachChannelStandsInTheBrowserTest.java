package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The admin's channels view: each channel, configured or not and healthy or not in words, with what is wrong. */
@QuarkusTest
class AnAdminSeesHowEachChannelStandsInTheBrowserTest extends InTheBrowser {

    @Inject
    DataSource dataSource;
    @Inject
    RecordingChannel channel;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("carol");
    }

    @AfterEach
    void configuredAgain() {
        channel.clear();
    }

    @Test
    void anAdminSeesAChannelNotConfiguredWithTheReasonAndRefreshesOnceItIs() {
        channel.standing("nohold.test.secret is not set", null);

        page = window(1400, 1000);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        Locator channels = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Channels"));
        Locator test = channels.locator("li[data-channel=" + RecordingChannel.ID + "]");
        assertThat(test).containsText("Test channel");
        assertThat(test.locator(".tag-state").first()).hasText("Not configured");
        assertThat(test.locator(".tag-state").nth(1)).hasText("Unhealthy");
        assertThat(test.locator(".reason")).hasText("Not configured: nohold.test.secret is not set");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(channels, "admin-channels");

        channel.standing(null, null);
        channels.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refresh channels")).click();
        assertThat(test.locator(".tag-state").first()).hasText("Configured");
        assertThat(test.locator(".tag-state").nth(1)).hasText("Healthy");
        assertThat(test.locator(".reason")).hasCount(0);
    }

    @Test
    void aChannelsLastErrorIsShownAsUnhealthyWhileConfigured() {
        channel.standing(null, "The provider could not be reached: ConnectException");

        page = window(1400, 1000);
        RealBrowser.logIn(page, "admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        Locator test = page.locator("#channels li[data-channel=" + RecordingChannel.ID + "]");
        assertThat(test.locator(".tag-state").first()).hasText("Configured");
        assertThat(test.locator(".tag-state").nth(1)).hasText("Unhealthy");
        assertThat(test.locator(".reason")).hasText("The provider could not be reached: ConnectException");
    }

    @Test
    void anAgentHasNoChannelsView() {
        page = window(1280, 800);
        RealBrowser.logIn(page, "carol", Fixtures.PASSWORD);
        assertThat(page.locator("#channels")).hasCount(0);
    }
}
