package dev.nohold.core.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.nohold.core.channel.DeliveryException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An agent logs in, goes available, receives work live, listens, answers and sees each delivery's fate. */
@QuarkusTest
class AgentAnswersInTheBrowserTest extends InTheBrowser {

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
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
    }

    @Test
    void workArrivesWithoutReloadingAndACannedAnswerIsShownDelivered() {
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        RealBrowser.assertAccessible(page);
        goAvailable();
        page.evaluate("() => window.loadedOnce = true");

        as("admin").contentType(ContentType.JSON)
                .body(Map.of("title", "Shipping", "text", "Your request {reference} ships tomorrow. {agent}"))
                .post("/api/canned-responses").then().statusCode(201);
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550100", "My order #123 is late"));

        Locator requests = requestList();
        assertThat(requests.getByRole(AriaRole.LINK)).hasCount(1);
        assertThat(requests).containsText(receipt.reference());
        assertThat(requests).containsText("My order #123 is late");
        assertThat(page).hasTitle("(1) Inbox · Nohold");
        assertEquals(true, page.evaluate("() => window.loadedOnce"), "the request came without a reload");

        requests.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText("My order #123 is late");
        assertThat(page.locator("#request-channel")).hasText(RecordingChannel.ID);
        assertThat(page.locator("#request-customer")).hasText("+15550100");
        assertThat(page.locator("#timeline")).containsText("Assigned");
        // "/" in the empty reply box goes to the canned responses; the chosen one is filled in for this request.
        page.getByLabel("Reply").focus();
        page.keyboard().press("/");
        assertThat(page.getByLabel("Canned response")).isFocused();
        page.getByLabel("Canned response").selectOption(new SelectOption().setLabel("Shipping"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert").setExact(true)).click();
        String answer = "Your request " + receipt.reference() + " ships tomorrow. Agent alice";
        assertThat(page.getByLabel("Reply")).hasValue(answer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();

        assertThat(page.locator("#deliveries")).containsText("Delivered");
        assertThat(page.locator("#conversation")).containsText(answer);
        assertThat(page.getByLabel("Reply")).isHidden();
        assertEquals(answer, channel.delivered().get(0).text());
        assertThat(page).hasTitle("Inbox · Nohold");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "inbox-agent");
    }

    @Test
    void workAssignedWhileTheLiveStreamIsStillConnectingIsShownOnceItConnects() {
        page = window(1280, 860);
        List<Route> connecting = new ArrayList<>();
        page.route("**/api/events*", connecting::add);
        page.waitForResponse("**/api/me/requests", () -> RealBrowser.logIn(page, "alice", Fixtures.PASSWORD));
        goAvailable();
        page.waitForCondition(() -> !connecting.isEmpty());

        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550106", "Sent before the stream opened")).id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("alice").get("/api/requests/" + id)
                .then().statusCode(200).body("assignedTo", equalTo("alice")));
        connecting.get(0).resume();

        assertThat(requestList()).containsText("Sent before the stream opened");
    }

    @Test
    void aFailedDeliveryShowsItsReasonInWordsAndEverythingWorksByKeyboard() {
        channel.failNext(DeliveryException.permanentFailure("21211: invalid phone number"));
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        goAvailable();
        intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550102", "Where is my refund?"));

        assertThat(requestList().getByRole(AriaRole.LINK)).hasCount(1);
        // Keyboard only: "n" opens the next request, "r" goes to the reply box, Ctrl+Enter sends.
        page.evaluate("() => document.activeElement.blur()");
        page.keyboard().press("n");
        assertThat(page.locator("#request-text")).hasText("Where is my refund?");
        page.keyboard().press("r");
        assertThat(page.getByLabel("Reply")).isFocused();
        page.keyboard().type("It went out on Monday.");
        page.keyboard().press("Control+Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Reply sent");
        Locator deliveries = page.locator("#deliveries");
        assertThat(deliveries).containsText("Failed");
        assertThat(deliveries).containsText("21211: invalid phone number");
        assertThat(page.locator("#request-status")).hasText("Delivery failed");
        RealBrowser.assertAccessible(page);
    }

    @Test
    void aVoiceReplyRecordedInTheBrowserIsHeardBackSentAndDelivered() {
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        goAvailable();
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550105", "Can you call me?")).id();
        requestList().getByRole(AriaRole.LINK).first().click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record voice reply")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Recording your voice reply.");
        page.waitForTimeout(800); // the length of the voice reply: what is being tested takes this long
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop recording")).click();
        assertThat(page.locator("#voice-preview")).isVisible();
        page.getByLabel("Reply").fill("As promised, a voice note.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send voice reply")).click();

        assertThat(page.locator("#deliveries")).containsText("Delivered");
        assertThat(page.locator("#conversation li.out audio")).hasCount(1);
        as("alice").get("/api/requests/" + id).then()
                .body("replies[0].text", equalTo("As promised, a voice note."))
                .body("replies[0].audioUrl", org.hamcrest.Matchers.notNullValue());
        String audioUrl = as("alice").get("/api/requests/" + id).then().extract().path("replies[0].audioUrl");
        as("alice").get(audioUrl).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.startsWith("audio/webm"),
                        org.hamcrest.Matchers.startsWith("audio/ogg")));
        assertEquals(1, channel.delivered().size());
    }

    @Test
    void aCustomersMarkupIsShownAsTextAndNeverRuns() {
        String hostile = "<script>window.injected = true</script><img src=x onerror=\"window.injected = true\"><b>bold</b>";
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        goAvailable();
        intake.submit(InboundMessage.text(RecordingChannel.ID, "<b>+1555</b>", hostile));

        assertThat(requestList()).containsText("<script>");
        requestList().getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText(hostile);
        assertThat(page.locator("#request-customer")).hasText("<b>+1555</b>");
        assertThat(page.locator("#request b, #request img, #request-body script, #requests b")).hasCount(0);
        assertEquals(false, page.evaluate("() => window.injected === true"));
    }

    @Test
    void anAgentCannotOpenAnotherAgentsRequestByItsUrl() {
        Fixtures.presence("bob", "AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550103", "Bob's customer secret")).id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("bob").get("/api/requests/" + id)
                .then().statusCode(200).body("assignedTo", equalTo("bob")));

        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        page.navigate("/inbox?request=" + id);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("You cannot open this request");
        assertThat(page.locator("body")).not().containsText("Bob's customer secret");
        assertThat(page.locator("#reply-form")).isHidden();
        assertEquals(404, page.request().get("/api/requests/" + id).status());
        assertEquals(404, page.request().get("/api/requests/" + id + "/audio").status());
    }

    @Test
    void theInboxWorksOnAPhoneWideScreenAndLogsOut() {
        page = window(360, 740);
        page.navigate("/");
        page.waitForURL("**/login");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "login");
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        goAvailable();
        intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550104", "Can I change my delivery address?"));
        requestList().getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText("Can I change my delivery address?");
        assertEquals(true, page.evaluate("() => document.documentElement.scrollWidth <= 360"),
                "nothing is wider than the phone");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "inbox-phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL("**/login");
        page.navigate("/inbox");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    private void goAvailable() {
        page.getByLabel("Presence").selectOption("AVAILABLE");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are Available.");
    }

    private Locator requestList() {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Requests").setExact(true));
    }
}
