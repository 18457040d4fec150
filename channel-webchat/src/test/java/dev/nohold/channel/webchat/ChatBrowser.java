package dev.nohold.channel.webchat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Debian's headless Chromium driven by Playwright, as platform-core's inbox tests drive it (that helper is private to
 * the core's web package), with Chromium's fake microphone playing a committed spoken WAV: the chat's voice notes
 * are recorded from it.
 */
final class ChatBrowser implements AutoCloseable {

    /** Chromium's fake microphone says this, looped: "please call me back about my order". */
    static final String SPOKEN = "/speech/please-call-me-back-about-my-order.wav";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> windows = new ArrayList<>();

    ChatBrowser() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("browser-tests.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                        "--autoplay-policy=no-user-gesture-required", "--disable-audio-output",
                        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                        "--use-file-for-fake-audio-capture=" + spokenWav(),
                        // The widget tests' host pages (another site, served by Playwright) load the platform from
                        // localhost, which Chromium's Local Network Access would refuse to a public site's page; a
                        // deployed platform is not on the visitor's own machine.
                        "--disable-features=LocalNetworkAccessChecks")));
    }

    private static Path spokenWav() {
        try {
            return Paths.get(ChatBrowser.class.getResource(SPOKEN).toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new browser (its own localStorage and cookies), as wide as a phone's or a desktop's. */
    BrowserContext browserWindow(URI base, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base.toString()).setViewportSize(width, height)
                .setPermissions(List.of("microphone")));
        context.setDefaultTimeout(30_000);
        windows.add(context);
        return context;
    }

    void closeWindows() {
        windows.forEach(BrowserContext::close);
        windows.clear();
    }

    /** axe-core's WCAG 2.1 A and AA rules find nothing serious or critical on the page as it is now. */
    static void assertAccessible(Page page) {
        List<Rule> blocking = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze().getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertEquals("", blocking.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")), "axe-core found serious accessibility violations");
    }

    /** Saves what the page shows, for the README: {@code -Dbrowser-tests.screenshots=$PWD/docs/screenshots} refreshes it. */
    static void screenshot(Page page, String name) {
        Path directory = Paths.get(System.getProperty("browser-tests.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
