package dev.nohold.channel.webchat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.web.RealBrowser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One script tag puts the chat on a page of another site: it works on an allowed site (http://shop.example in the
 * tests' configuration), keeps the host page's styles out, and shows nothing on a site that is not allowed.
 */
@QuarkusTest
class WidgetOnAnotherSiteTest extends InTheChatBrowser {


    @Test
    void onAnAllowedSiteTheWidgetOpensAWorkingChat() {
        Page shop = hostPage("http://shop.example");

        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        FrameLocator chat = shop.frameLocator("iframe[title=Chat]");
        assertThat(chat.locator("body[data-ready=true]")).hasCount(1);
        chat.getByLabel("Message").fill("Do you ship to Norway?");
        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send")).click();

        assertThat(chat.getByRole(AriaRole.LOG, new FrameLocator.GetByRoleOptions().setName("Conversation")))
                .containsText("is taken");
        assertEquals("rgb(255, 0, 0)", shop.evaluate("() => getComputedStyle(document.querySelector('h1')).color"),
                "the host page keeps its own styles");
        assertEquals("rgb(11, 92, 173)", chat.locator("#send").evaluate("b => getComputedStyle(b).backgroundColor"),
                "the host page's styles do not reach the chat");
        RealBrowser.assertAccessible(shop);
        RealBrowser.screenshot(shop, "chat-widget");
    }

    @Test
    void onASiteNotAllowedTheChatIsNotShown() {
        Page evil = hostPage("http://evil.example");

        com.microsoft.playwright.Response served = evil.waitForResponse(response -> response.url().endsWith("/chat"),
                () -> evil.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click());
        assertEquals(200, served.status(), "the platform answers; the browser refuses to show it there");
        assertTrue(served.headerValue("content-security-policy").contains("frame-ancestors 'self' "));
        Frame framed = evil.frames().stream().filter(frame -> frame != evil.mainFrame()).findFirst().orElseThrow();
        framed.waitForLoadState();

        assertTrue(!framed.url().endsWith("/chat"), "the chat was not shown in the frame: " + framed.url());
        assertEquals(0, framed.locator("#message").count());
    }

    /** A page of {@code origin} holding the widget's one script tag (and a style that would spoil a chat it reached). */
    private Page hostPage(String origin) {
        Page page = chromium.browserWindow(base, 1280, 800).newPage();
        String html = "<!doctype html><html lang=\"en\"><head><title>Shop</title>"
                + "<style>h1, button, textarea { color: red; background: yellow; }</style></head>"
                + "<body><main><h1>Our shop</h1><p>Welcome.</p></main>"
                + "<script src=\"" + base.resolve("/chat/widget.js") + "\"></script></body></html>";
        page.route(origin + "/**", (Route route) -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody(html)));
        page.navigate(origin + "/");
        return page;
    }
}
