package dev.nohold.core.session;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Forms and JSON calls made with the session cookie need the session's CSRF token (form field {@code csrf-token} or
 * header {@code X-CSRF-Token}); the login form needs its own; HTTP Basic clients need none.
 */
@QuarkusTest
@TestProfile(SessionTestProfile.class)
class SessionCallsNeedTheCsrfTokenTest {

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
    void aLoginPostWithoutTheFormsTokenIsRefused() {
        Browser browser = new Browser();
        browser.get("/login").then().statusCode(200);
        var withoutToken = browser.keepCookies(browser.request().contentType("application/x-www-form-urlencoded")
                .formParam("username", "ada").formParam("password", Fixtures.PASSWORD).post("/login"));
        withoutToken.then().statusCode(403).body(containsString("expired"));
        assertNull(withoutToken.getDetailedCookie(Browser.SESSION));

        // Another site's form cannot read the token; it cannot send the login page's cookie either (SameSite=Strict).
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "ada").formParam("password", Fixtures.PASSWORD)
                .formParam("csrf-token", "guessed").post("/login")
                .then().statusCode(403);
    }

    @Test
    void aLogoutFormWithoutTheTokenIsRefusedAndTheSessionLives() {
        Browser browser = loggedIn();
        browser.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", "wrong")
                .post("/logout").then().statusCode(403).body("error", containsString("did not come from the inbox"));
        browser.request().contentType("application/x-www-form-urlencoded").formParam("other", "field")
                .post("/logout").then().statusCode(403);
        browser.request().get("/api/me").then().statusCode(200);
    }

    @Test
    void aJsonCallWithTheSessionNeedsTheTokenInAHeader() {
        Browser browser = loggedIn();
        browser.request().contentType(ContentType.JSON).body(Map.of("status", "AVAILABLE"))
                .put("/api/me/presence").then().statusCode(403).body("error", containsString("X-CSRF-Token"));
        browser.request().get("/api/me").then().body("presence", equalTo("OFFLINE"));

        browser.request().contentType(ContentType.JSON).header("X-CSRF-Token", browser.inboxCsrfToken())
                .body(Map.of("status", "AVAILABLE"))
                .put("/api/me/presence").then().statusCode(200).body("presence", equalTo("AVAILABLE"));
    }

    @Test
    void aFormPostWithTheSessionToAnApiCallNeedsTheHeaderToo() {
        Browser browser = loggedIn();
        browser.request().contentType("application/x-www-form-urlencoded").formParam("status", "AVAILABLE")
                .formParam("csrf-token", browser.inboxCsrfToken())
                .put("/api/me/presence").then().statusCode(403).body("error", containsString("X-CSRF-Token"));
    }

    @Test
    void basicClientsNeedNoToken() {
        as("ada").contentType(ContentType.JSON).body(Map.of("status", "AWAY"))
                .put("/api/me/presence").then().statusCode(200).body("presence", equalTo("AWAY"));
    }

    private static Browser loggedIn() {
        Browser browser = new Browser();
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        return browser;
    }
}
