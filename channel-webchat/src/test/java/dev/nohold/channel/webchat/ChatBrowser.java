package dev.nohold.channel.webchat;

import com.microsoft.playwright.BrowserContext;
import dev.nohold.core.web.RealBrowser;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The core's {@link RealBrowser} as the chat's tests need it: Chromium's fake microphone plays a committed spoken WAV
 * (the chat's voice notes are recorded from it), and a page of another site may load the platform from localhost.
 */
final class ChatBrowser implements AutoCloseable {

    /** Chromium's fake microphone says this, looped: "please call me back about my order". */
    static final String SPOKEN = "/speech/please-call-me-back-about-my-order.wav";

    private final RealBrowser browser = new RealBrowser(List.of(
            "--use-file-for-fake-audio-capture=" + spokenWav(),
            // The widget tests' host pages (another site, served by Playwright) load the platform from localhost,
            // which Chromium's Local Network Access would refuse to a public site's page; a deployed platform is
            // not on the visitor's own machine.
            "--disable-features=LocalNetworkAccessChecks"));

    private static Path spokenWav() {
        try {
            return Paths.get(ChatBrowser.class.getResource(SPOKEN).toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new browser (its own localStorage and cookies), as wide as a phone's or a desktop's. */
    BrowserContext browserWindow(URI base, int width, int height) {
        BrowserContext context = browser.context(base.toString(), width, height);
        // A voice note is recorded, sent, decoded and transcribed within one wait: longer than the inbox's 15 s.
        context.setDefaultTimeout(30_000);
        return context;
    }

    void closeWindows() {
        browser.closeWindows();
    }

    @Override
    public void close() {
        browser.close();
    }
}
