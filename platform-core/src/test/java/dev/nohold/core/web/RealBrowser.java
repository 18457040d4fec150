package dev.nohold.core.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Debian's headless Chromium driven by Playwright, one per test class (starting it is the slow part); each test
 * gets a fresh context, so cookies never leak between tests. The executable is {@code /usr/bin/chromium} unless
 * the system property {@code browser-tests.chromium} names another. Public, with room for more Chromium flags, so
 * every module's browser tests (the web chat's too) launch it one way.
 */
public final class RealBrowser implements AutoCloseable {

    /** Where the README's screenshots come from: {@code -Dbrowser-tests.screenshots=../docs/screenshots} refreshes them. */
    private static final String SCREENSHOTS = System.getProperty("browser-tests.screenshots", "target/screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> windows = new ArrayList<>();

    public RealBrowser() {
        this(List.of());
    }

    /** With these Chromium flags besides the usual ones (a file for the fake microphone, a feature turned off). */
    public RealBrowser(List<String> moreFlags) {
        // The recording must play without a click, a container has no sound card, and a voice reply is recorded
        // from Chromium's fake microphone (a beep, unless a flag names a file) without asking.
        List<String> flags = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--autoplay-policy=no-user-gesture-required", "--disable-audio-output",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"));
        flags.addAll(moreFlags);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("browser-tests.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(flags));
    }

    /** A new browser window, as wide as a desktop's or a phone's. */
    public Page window(URL base, int width, int height) {
        return context(base.toString(), width, height).newPage();
    }

    /** A new browser of its own (its own cookies and localStorage), closed by {@link #closeWindows()}. */
    public BrowserContext context(String base, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setViewportSize(width, height)
                .setPermissions(List.of("microphone")));
        context.setDefaultTimeout(15_000);
        windows.add(context);
        return context;
    }

    /** Closes every window opened since the last call. */
    public void closeWindows() {
        windows.forEach(BrowserContext::close);
        windows.clear();
    }

    /** Opens the login page and logs in through its form, as a person would, landing in the inbox. */
    public static void logIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/inbox");
        assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    }

    /** axe-core's WCAG 2.1 A and AA rules find nothing serious or critical on the page as it is now. */
    public static void assertAccessible(Page page) {
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

    /** Saves what the page shows, for the README. */
    public static void screenshot(Page page, String name) {
        try {
            Path directory = Paths.get(SCREENSHOTS);
            Files.createDirectories(directory);
            page.evaluate("() => window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what one part of the page shows, for the README. */
    public static void screenshot(Locator part, String name) {
        try {
            Path directory = Paths.get(SCREENSHOTS);
            Files.createDirectories(directory);
            part.screenshot(new Locator.ScreenshotOptions().setPath(directory.resolve(name + ".png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
