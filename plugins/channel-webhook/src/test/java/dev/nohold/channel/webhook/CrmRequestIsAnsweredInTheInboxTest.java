package dev.nohold.channel.webhook;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.web.RealBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole way through, as people see it: a CRM leaves a request on the signed webhook, an agent in the inbox gets
 * it without reloading, answers, and watches the answer's fate in words as the CRM's callback receiver takes it, or
 * refuses it and then takes it on the agent's retry.
 */
@QuarkusTest
class CrmRequestIsAnsweredInTheInboxTest {

    private static RealBrowser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource dataSource;

    private CallbackReceiver receiver;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        browser = new RealBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void clean() throws Exception {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
        receiver = CallbackReceiver.start();
        page = browser.window(base, 1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        page.getByLabel("Presence").selectOption("AVAILABLE");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are Available.");
        page.evaluate("() => window.loadedOnce = true");
    }

    @AfterEach
    void stop() {
        browser.closeWindows();
        receiver.close();
    }

    @Test
    void aCrmRequestAppearsLiveAndItsAnswerIsShownDeliveredOnceTheCrmTookIt() {
        String reference = leaveRequest("crm-contact-7", "Please <b>update</b> my billing address");

        Locator request = requests().getByRole(AriaRole.LINK);
        assertThat(request).hasCount(1);
        assertThat(request).containsText(reference);
        assertEquals(true, page.evaluate("() => window.loadedOnce"), "the request came without a reload");
        request.first().click();
        assertThat(page.locator("#request-text")).hasText("Please <b>update</b> my billing address");
        assertThat(page.locator("#request-channel")).containsText("webhook");

        answer("Done: the new address is on file.");

        assertThat(page.locator("#deliveries")).containsText("Delivered");
        assertEquals(1, receiver.calls().size(), "the CRM got the answer once");
        RealBrowser.assertAccessible(page);
    }

    @Test
    void anAnswerTheCrmRefusedShowsWhyAndGoesThroughWhenRetried() {
        receiver.answering(404);
        leaveRequest("crm-contact-8", "Cancel my subscription");
        requests().getByRole(AriaRole.LINK).first().click();

        answer("Cancelled as of today.");

        Locator deliveries = page.locator("#deliveries");
        assertThat(deliveries).containsText("Failed");
        assertThat(deliveries).containsText("The callback URL answered HTTP 404");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry")).click();
        assertThat(deliveries).containsText("Delivered");
        assertEquals(2, receiver.calls().size(), "refused once, taken on the retry");
    }

    private String leaveRequest(String contact, String text) {
        Response intake = WebhookCalls.postSigned(WebhookCalls.body(contact, text, receiver.url()));
        intake.then().statusCode(201);
        return intake.path("reference");
    }

    private void answer(String text) {
        page.getByLabel("Reply").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    }

    private Locator requests() {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Requests").setExact(true));
    }
}
