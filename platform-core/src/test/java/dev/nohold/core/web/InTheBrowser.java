package dev.nohold.core.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.net.URL;

/**
 * What every browser test of the inbox shares: one headless Chromium per test class (starting it is the slow part)
 * and a fresh window per test, closed after it, so cookies never leak from one test to the next.
 */
abstract class InTheBrowser {

    private static RealBrowser browser;

    @TestHTTPResource("/")
    URL base;

    /** The test's main window, once it opened one. */
    Page page;

    @BeforeAll
    static void startBrowser() {
        browser = new RealBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeWindows() {
        browser.closeWindows();
    }

    /** A new window on the platform under test, as wide as a desktop's or a phone's. */
    Page window(int width, int height) {
        return browser.window(base, width, height);
    }
}
