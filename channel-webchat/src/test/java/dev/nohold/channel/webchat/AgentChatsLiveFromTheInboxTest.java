package dev.nohold.channel.webchat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.web.RealBrowser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/**
 * Both sides of a live chat in real browsers: the customer in /chat, the agent in the inbox, where the open live
 * request shows the chat as it goes, the reply box writes in it without ending it, and "End chat" ends it.
 */
@QuarkusTest
class AgentChatsLiveFromTheInboxTest extends InTheChatBrowser {

    @BeforeEach
    void clean() {
        Fixtures.createAgent("alice");
    }

    @Test
    void theAgentChatsInTheInboxAndEndsTheChat() {
        Fixtures.presence("alice", "AVAILABLE");
        Page customer = CustomerIsAnsweredInTheBrowserTest.openChat(chromium.browserWindow(base, 360, 740));
        CustomerIsAnsweredInTheBrowserTest.write(customer, "Hello, can you help me with a refund?");
        assertThat(customer.locator("#standing")).containsText("you are talking with Agent alice");
        String requestId = ChatTests.newestChatRequest();

        Page agent = chromium.browserWindow(base, 1280, 900).newPage();
        logIn(agent, "alice");
        agent.navigate("/inbox?request=" + requestId);
        Locator chat = agent.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Live chat"));
        assertThat(chat).containsText("Hello, can you help me with a refund?");

        agent.getByLabel("Reply").fill("Of course. Which order is it?");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        Locator conversation = CustomerIsAnsweredInTheBrowserTest.conversation(customer);
        assertThat(conversation).containsText("Of course. Which order is it?");
        assertThat(chat).containsText("Of course. Which order is it?");

        CustomerIsAnsweredInTheBrowserTest.write(customer, "Order 8812, the blue kettle.");
        assertThat(chat).containsText("Order 8812, the blue kettle.");
        as("alice").get("/api/requests/" + requestId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ASSIGNED"));
        RealBrowser.assertAccessible(agent);

        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End chat")).click();
        assertThat(conversation).containsText("The agent ended the chat");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                as("alice").get("/api/requests/" + requestId).jsonPath().getString("status")));
    }

    private static void logIn(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/inbox");
        assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    }
}
