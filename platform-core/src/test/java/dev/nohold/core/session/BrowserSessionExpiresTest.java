package dev.nohold.core.session;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A session ends after 30 minutes unused (the default) and 2 hours after its login however busy (this profile);
 * an ended session gets a bare 401 on the API, never the Basic challenge, and a redirect to the login on pages.
 */
@QuarkusTest
@TestProfile(SessionTestProfile.class)
class BrowserSessionExpiresTest {

    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;

    @BeforeEach
    void clean() {
        clock.reset();
        Fixtures.reset(dataSource);
        Fixtures.createAgent("ada");
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEnds() {
        Browser browser = loggedIn();
        clock.advance(Duration.ofMinutes(29));
        browser.request().get("/api/me").then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        browser.request().get("/api/me").then().statusCode(200);

        clock.advance(Duration.ofMinutes(31));
        browser.request().get("/api/me").then().statusCode(401);
        browser.get("/inbox").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void aBusySessionEndsAtTheAbsoluteTimeout() {
        Browser browser = loggedIn();
        for (int minutes = 25; minutes < 120; minutes += 25) {
            clock.advance(Duration.ofMinutes(25));
            browser.request().get("/api/me").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(21));
        browser.request().get("/api/me").then().statusCode(401);
    }

    @Test
    void anEndedSessionGetsABare401WhileACallWithoutCredentialsGetsTheBasicChallenge() {
        Browser browser = loggedIn();
        clock.advance(Duration.ofMinutes(31));
        browser.request().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue())
                .contentType(containsString("application/json"))
                .body("error", containsString("session has ended"));
        given().cookie(Browser.SESSION, "never-issued").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());

        given().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", notNullValue());
    }

    @Test
    void basicCredentialsStillWorkBesideAStaleSessionCookie() {
        given().cookie(Browser.SESSION, "never-issued").auth().preemptive().basic("ada", Fixtures.PASSWORD)
                .get("/api/me").then().statusCode(200);
    }

    private static Browser loggedIn() {
        Browser browser = new Browser();
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        return browser;
    }
}
