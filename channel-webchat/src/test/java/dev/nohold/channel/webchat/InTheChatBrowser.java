package dev.nohold.channel.webchat;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.net.URI;

/**
 * What every browser test of the chat shares: one Chromium with the fake microphone per test class, a clean
 * database and fresh limits before each test, and its windows closed after it.
 */
abstract class InTheChatBrowser {

    static ChatBrowser chromium;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @BeforeAll
    static void startBrowser() {
        chromium = new ChatBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void cleanChats() throws Exception {
        ChatTests.reset(dataSource, limits);
    }

    @AfterEach
    void closeWindows() {
        chromium.closeWindows();
    }
}
