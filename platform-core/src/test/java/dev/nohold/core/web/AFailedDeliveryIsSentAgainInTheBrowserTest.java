package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.LiveTestChannel;
import dev.nohold.core.customer.Customers;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed delivery shows its reason, is retried or sent by another channel, and each status shows in words. */
@QuarkusTest
class AFailedDeliveryIsSentAgainInTheBrowserTest extends InTheBrowser {

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    Customers customers;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("alice");
    }

    @Test
    void aFailedDeliveryShowsItsReasonAndIsRetriedUntilDelivered() {
        channel.failNext(DeliveryException.permanentFailure("21211: invalid phone number"));
        answerInTheBrowser("+15550400", "Where is my refund?");

        Locator deliveries = page.locator("#deliveries");
        assertThat(deliveries).containsText("Failed");
        assertThat(deliveries).containsText("21211: invalid phone number");
        assertThat(page.locator("#request-status")).hasText("Delivery failed");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "inbox-failed-delivery");

        deliveries.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(deliveries.locator("li.delivery.delivered")).hasCount(1);
        assertThat(deliveries.locator("li").nth(1)).containsText("Delivered");
        assertThat(page.locator("#request-status")).hasText("Delivered");
        assertThat(page.locator("#timeline")).containsText("retry via test by alice");
        assertThat(deliveries.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertEquals(1, channel.delivered().size());
    }

    @Test
    void aFailedDeliveryIsSentByTheCustomersOtherChannel() {
        QuarkusTransaction.requiringNew().run(() -> customers.resolve(LiveTestChannel.ID, "+15550401"));
        channel.failNext(DeliveryException.permanentFailure("30006: landline or unreachable carrier"));
        answerInTheBrowser("+15550401", "Please text me back");

        Locator deliveries = page.locator("#deliveries");
        assertThat(deliveries).containsText("30006: landline or unreachable carrier");
        deliveries.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send by " + LiveTestChannel.ID))
                .click();
        assertThat(deliveries.locator("li").nth(1)).containsText("Delivered via " + LiveTestChannel.ID);
        assertThat(page.locator("#request-status")).hasText("Delivered");
        assertEquals(0, channel.delivered().size(), "nothing more went to the failed channel");
    }

    @Test
    void aDeliveryTheProviderHasNotConfirmedYetShowsSent() {
        channel.reportSentNext(1);
        answerInTheBrowser("+15550402", "Is my parcel on its way?");

        assertThat(page.locator("#deliveries li.delivery.sent .delivery-status")).hasText("Sent");
        assertThat(page.locator("#deliveries").getByRole(AriaRole.BUTTON)).hasCount(0);
        RealBrowser.assertAccessible(page);
    }

    /** alice logs in, goes available, opens the customer's request and answers it; the page stays open. */
    private void answerInTheBrowser(String phone, String question) {
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        page.getByLabel("Presence").selectOption("AVAILABLE");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are Available.");
        intake.submit(InboundMessage.text(RecordingChannel.ID, phone, question));
        Locator requests = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Requests").setExact(true));
        requests.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText(question);
        page.getByLabel("Reply").fill("We are on it.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Reply sent");
    }
}
