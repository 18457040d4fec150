package dev.nohold.channel.webchat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.flow.QuietCustomers;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.web.RealBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.nohold.channel.webchat.CustomerIsAnsweredInTheBrowserTest.conversation;
import static dev.nohold.channel.webchat.CustomerIsAnsweredInTheBrowserTest.openChat;
import static dev.nohold.channel.webchat.CustomerIsAnsweredInTheBrowserTest.write;
import static dev.nohold.core.testing.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped flows in a real Chromium. "answers": a question the knowledge base answers is answered at once with
 * "Yes" and "No" as buttons, and "Yes" ends it self-served with no request made; a question it cannot answer goes to
 * people with the reference and the place in line, as any chat request. "account-line": run in a chat opened at its
 * entry point.
 */
@QuarkusTest
class TheChatBotAnswersOrHandsOverInTheBrowserTest extends InTheChatBrowser {

    @Inject
    QuietCustomers quietCustomers;

    private static final String ANSWER = "Choose 'Forgot password' on the sign-in page and follow the link we e-mail you.";

    @BeforeEach
    void knowledge() {
        Fixtures.createAgent("alice");
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("question", "How do I reset my password?", "answer", ANSWER,
                        "alternatives", List.of("I forgot my password", "I can't log in")))
                .post("/api/knowledge").then().statusCode(201);
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersIsAnsweredAtOnceAndYesEndsItSelfServed() {
        Page page = openChat(chromium.browserWindow(base, 360, 740));

        write(page, "hi, i forgot my pasword and cant sign in");

        Locator conversation = conversation(page);
        assertThat(conversation).containsText("Forgot password");
        assertThat(conversation).containsText("Did that answer your question?");
        Locator yes = conversation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes"));
        assertThat(yes).isVisible();
        assertThat(conversation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No"))).isVisible();
        RealBrowser.assertAccessible(page);

        yes.click();

        assertThat(conversation).containsText("Glad we could help. Goodbye!");
        assertThat(conversation.locator(".line.customer").last()).containsText("Yes");
        assertThat(conversation.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(conversation).not().containsText("is taken");
        assertThat(page.locator("#standing")).hasText("");
        assertEquals(0, as("admin").get("/api/requests?channel=webchat").jsonPath().getList("id").size(),
                "a self-served question makes no request");
        RealBrowser.assertAccessible(page);
    }

    @Test
    void aQuestionItCannotAnswerIsHandedOverWithTheReferenceAsToday() {
        Page page = openChat(chromium.browserWindow(base, 1280, 800));

        write(page, "do you sell gift wrapping for birthday presents?");

        Locator conversation = conversation(page);
        assertThat(conversation).containsText(Pattern.compile("Your request \\S+ is taken"));
        assertThat(page.locator("#standing")).containsText("you are number 1 in line");
        List<String> made = as("admin").get("/api/requests?channel=webchat").jsonPath().getList("id");
        assertEquals(1, made.size(), "one request, made by the flow's handoff");
        String reference = as("admin").get("/api/requests/" + made.getFirst()).jsonPath().getString("reference");
        assertThat(conversation).containsText(reference);
        assertThat(page.locator("#standing")).containsText(reference);
        assertEquals("do you sell gift wrapping for birthday presents?",
                as("admin").get("/api/requests/" + made.getFirst()).jsonPath().getString("text"));
        RealBrowser.assertAccessible(page);

        ChatTests.agentTakes("alice", made.getFirst());
        ChatTests.reply("alice", made.getFirst(), "Yes, for 2 euros a parcel.");
        assertThat(conversation).containsText("Yes, for 2 euros a parcel.");
    }

    /**
     * The shipped "account-line" flow, unchanged, in a chat opened at its entry point (as a site's widget with
     * {@code data-entry="account-line"} opens it): the menu as buttons, the account number asked again when it is
     * not six digits, and the request handed over with the values SMS, voice and e-mail collect from the same answers.
     */
    @Test
    void theAccountLineFlowRunsInAChatOpenedAtItsEntryPoint() {
        Page page = chromium.browserWindow(base, 1280, 800).newPage();
        page.navigate("/chat?entry=account-line");
        assertThat(page.locator("body[data-ready=true]")).hasCount(1);

        write(page, "hello");
        Locator conversation = conversation(page);
        assertThat(conversation).containsText("What is it about?");
        conversation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Billing")).click();
        assertThat(conversation).containsText("What is your account number?");
        write(page, "12ab");
        assertThat(conversation).containsText("An account number has exactly six digits");
        write(page, "123456");

        assertThat(conversation).containsText(Pattern.compile("Your request \\S+ is taken"));
        List<String> made = as("admin").get("/api/requests?channel=webchat").jsonPath().getList("id");
        assertEquals(1, made.size(), "one request, made by the flow's handoff");
        as("admin").get("/api/requests/" + made.getFirst()).then()
                .body("attributes.account", org.hamcrest.Matchers.equalTo("123456"))
                .body("attributes.skill", org.hamcrest.Matchers.equalTo("billing"))
                .body("attributes.flow", org.hamcrest.Matchers.equalTo("account-line@1"));
        RealBrowser.assertAccessible(page);
    }

    @Test
    void aCustomerWhoGoesQuietIsRemindedInThePageThenHandedOver() {
        Page page = openChat(chromium.browserWindow(base, 360, 740));
        write(page, "hi, i forgot my pasword and cant sign in");
        Locator conversation = conversation(page);
        assertThat(conversation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes"))).isVisible();

        quietCustomers.act(Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(conversation).containsText("Are you still there?");

        quietCustomers.act(Instant.now().plus(Duration.ofMinutes(22)));
        assertThat(conversation).containsText("We have passed your question to our team");
        List<String> made = as("admin").get("/api/requests?channel=webchat").jsonPath().getList("id");
        assertEquals(1, made.size(), "the quiet conversation became one request");
        String reference = as("admin").get("/api/requests/" + made.getFirst()).jsonPath().getString("reference");
        assertThat(page.locator("#standing")).containsText(reference);
        RealBrowser.assertAccessible(page);
    }

    @Test
    void noAfterTheAutomaticAnswerHandsOverWithTheAttemptOnTheTimeline() {
        Page page = openChat(chromium.browserWindow(base, 1280, 800));
        write(page, "hi, i forgot my pasword and cant sign in");
        Locator conversation = conversation(page);
        assertThat(conversation).containsText("Forgot password");

        conversation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No")).click();

        assertThat(conversation).containsText(Pattern.compile("Your request \\S+ is taken"));
        assertThat(conversation.getByRole(AriaRole.BUTTON)).hasCount(0);
        List<String> made = as("admin").get("/api/requests?channel=webchat").jsonPath().getList("id");
        assertEquals(1, made.size());
        String reference = as("admin").get("/api/requests/" + made.getFirst()).jsonPath().getString("reference");
        assertThat(page.locator("#standing")).containsText(reference);
        List<String> events = as("admin").get("/api/requests/" + made.getFirst()).jsonPath().getList("events.type");
        org.junit.jupiter.api.Assertions.assertTrue(events.contains("FLOW"), events.toString());
        RealBrowser.assertAccessible(page);
    }
}
