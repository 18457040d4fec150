package dev.nohold.channel.webchat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.web.RealBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/**
 * A customer in a real Chromium: writes with no agent free and sees the reference and the place in line, gets the
 * answer in the open page, finds the history after closing and reopening it; with an agent free, talks live; and a
 * spoken voice note becomes a transcript the agent sees.
 */
@QuarkusTest
class CustomerIsAnsweredInTheBrowserTest extends InTheChatBrowser {

    @BeforeEach
    void clean() {
        Fixtures.createAgent("alice");
    }

    @Test
    void aDeferredRequestIsAnsweredInTheOpenPageAndKeptForTheReturningCustomer() {
        BrowserContext phone = chromium.browserWindow(base, 360, 740);
        Page page = openChat(phone);
        RealBrowser.assertAccessible(page);

        write(page, "My parcel never came");

        Locator conversation = conversation(page);
        assertThat(conversation).containsText("My parcel never came");
        assertThat(conversation).containsText(Pattern.compile("Your request \\S+ is taken"));
        assertThat(page.locator("#standing")).containsText("you are number 1 in line");
        String requestId = ChatTests.newestChatRequest();
        String reference = as("admin").get("/api/requests/" + requestId).jsonPath().getString("reference");
        assertThat(page.locator("#standing")).containsText(reference);
        RealBrowser.assertAccessible(page);

        ChatTests.agentTakes("alice", requestId);
        assertThat(page.locator("#standing")).containsText("an agent is preparing your answer");
        ChatTests.reply("alice", requestId, "It was left with your neighbour at number 12.");

        assertThat(conversation).containsText("It was left with your neighbour at number 12.");
        assertThat(conversation).containsText("Agent alice");
        RealBrowser.screenshot(page, "chat-phone");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(ChatTests.deliveryStatus("alice", requestId)));

        page.close();
        Page again = openChat(phone);
        Locator history = conversation(again);
        assertThat(history).containsText("My parcel never came");
        assertThat(history).containsText(reference);
        assertThat(history).containsText("It was left with your neighbour at number 12.");
        assertThat(history.locator(".line")).hasCount(3);
    }

    @Test
    void anAnswerThatCameWhileThePageWasClosedIsThereWhenTheCustomerReturns() {
        BrowserContext desktop = chromium.browserWindow(base, 1280, 800);
        Page page = openChat(desktop);
        write(page, "When do you open tomorrow?");
        assertThat(conversation(page)).containsText("is taken");
        String requestId = ChatTests.newestChatRequest();
        page.close();

        ChatTests.agentTakes("alice", requestId);
        ChatTests.reply("alice", requestId, "At nine.");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(ChatTests.deliveryStatus("alice", requestId)));

        Page returning = openChat(desktop);
        assertThat(conversation(returning)).containsText("At nine.");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(ChatTests.deliveryStatus("alice", requestId)));
    }

    @Test
    void withAnAgentFreeTheChatIsLiveBothWays() {
        Fixtures.presence("alice", "AVAILABLE");
        Page page = openChat(chromium.browserWindow(base, 360, 740));

        write(page, "Hello, is anyone there?");

        assertThat(page.locator("#standing")).containsText("you are talking with Agent alice");
        String requestId = ChatTests.newestChatRequest();
        as("alice").post("/api/chat/requests/" + requestId + "/typing").then().statusCode(204);
        assertThat(page.getByText("The agent is typing")).isVisible();
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Hi! Alice here. How can I help?"))
                .post("/api/chat/requests/" + requestId + "/messages").then().statusCode(201);
        assertThat(conversation(page)).containsText("Hi! Alice here. How can I help?");

        write(page, "I would like to change my order");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("alice").get("/api/chat/requests/" + requestId)
                .jsonPath().<String>getList("messages.text").contains("I would like to change my order"));
        RealBrowser.assertAccessible(page);

        as("alice").post("/api/chat/requests/" + requestId + "/end").then().statusCode(204);
        assertThat(conversation(page)).containsText("The agent ended the chat");
    }

    @Test
    void aSpokenVoiceNoteBecomesATranscriptTheAgentSees() {
        Page page = openChat(chromium.browserWindow(base, 360, 740));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record voice note")).click();
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send voice note"));
        assertThat(send).isVisible();
        // The fake microphone says the sentence in about 2.6 s, looped: record a little more than once through.
        assertThat(page.locator("#voice-status")).containsText("Recording… 4 s",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        send.click();

        Locator conversation = conversation(page);
        assertThat(conversation).containsText("Voice note");
        assertThat(conversation).containsText("is taken");
        assertThat(conversation).containsText(Pattern.compile("Heard: .*(call|back|order)"),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        String requestId = ChatTests.newestChatRequest();
        ChatTests.agentTakes("alice", requestId);
        String heard = as("alice").get("/api/requests/" + requestId).jsonPath().getString("text");
        org.junit.jupiter.api.Assertions.assertTrue(heard.matches("(?s).*\\b(call|back|order)\\b.*"), heard);
    }

    static Page openChat(BrowserContext window) {
        Page page = window.newPage();
        page.navigate("/chat");
        assertThat(page.locator("body[data-ready=true]")).hasCount(1);
        return page;
    }

    static void write(Page page, String text) {
        page.getByLabel("Message").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    }

    static Locator conversation(Page page) {
        return page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Conversation"));
    }
}
