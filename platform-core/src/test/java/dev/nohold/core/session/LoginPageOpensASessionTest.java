package dev.nohold.core.session;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login page opens a browser session over the same accounts as HTTP Basic, with a new session id every time. */
@QuarkusTest
@TestProfile(SessionTestProfile.class)
class LoginPageOpensASessionTest {

    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;

    @BeforeEach
    void clean() {
        clock.reset();
        Fixtures.reset(dataSource);
        Fixtures.createAgent("ada", "agent", "supervisor");
    }

    @Test
    void theLoginPageIsAnAccessibleFormWithoutInlineScript() {
        String page = new Browser().get("/login").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        not(containsString("unsafe-inline"))))
                .extract().asString();
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<main>"));
        assertTrue(page.contains("<label for=\"username\">Username</label>"));
        assertTrue(page.contains("<label for=\"password\">Password</label>"));
        assertTrue(page.contains("<button type=\"submit\">Log in</button>"));
        assertFalse(page.contains("<script"));
    }

    @Test
    void aLoginSetsAnHttpOnlySessionCookieThatTheApiAndTheInboxAccept() {
        Browser browser = new Browser();
        Response login = browser.logIn("ada", Fixtures.PASSWORD);
        login.then().statusCode(303).header("Location", endsWith("/inbox"));
        Cookie cookie = login.getDetailedCookie(Browser.SESSION);
        assertNotNull(cookie, "the login sets the session cookie");
        assertTrue(cookie.isHttpOnly());
        assertEquals("Lax", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertFalse(cookie.isSecured(), "plain http here: nohold.public-url is http://localhost:8080");

        browser.request().get("/api/me").then().statusCode(200)
                .body("username", equalTo("ada"))
                .body("roles", org.hamcrest.Matchers.hasItems("agent", "supervisor"));
        String inbox = browser.get("/inbox").then().statusCode(200).extract().asString();
        assertTrue(inbox.contains("ada"));
        assertTrue(inbox.contains("agent, supervisor"));
        assertTrue(inbox.contains(">Log out</button>"));
    }

    @Test
    void aWrongPasswordShowsAMessageOnThePageAndOpensNoSession() {
        Browser browser = new Browser();
        Response refused = browser.logIn("ada", "not-her-password");
        refused.then().statusCode(401).header("WWW-Authenticate", nullValue())
                .body(containsString("Wrong username or password"));
        assertNull(refused.getDetailedCookie(Browser.SESSION));
        browser.logIn("nobody", Fixtures.PASSWORD).then().statusCode(401)
                .body(containsString("Wrong username or password"));
        assertNull(browser.session());
    }

    @Test
    void everyLoginGetsANewSessionIdAndEndsTheOneTheBrowserArrivedWith() {
        Browser browser = new Browser();
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        String first = browser.session();
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        String second = browser.session();
        assertNotEquals(first, second);

        browser.request().get("/api/me").then().statusCode(200);
        given().cookie(Browser.SESSION, first).get("/api/me").then().statusCode(401);

        // A session id planted in a browser before login (fixation) is never the one the login opens.
        Browser planted = new Browser();
        planted.session("chosen-by-an-attacker");
        planted.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        assertNotEquals("chosen-by-an-attacker", planted.session());
        given().cookie(Browser.SESSION, "chosen-by-an-attacker").get("/api/me").then().statusCode(401);
    }

    @Test
    void theRootSendsABrowserToTheLoginOrToTheInbox() {
        Browser browser = new Browser();
        browser.get("/").then().statusCode(303).header("Location", endsWith("/login"));
        browser.get("/inbox").then().statusCode(303).header("Location", endsWith("/login"));
        browser.logIn("ada", Fixtures.PASSWORD);
        browser.get("/").then().statusCode(303).header("Location", endsWith("/inbox"));
    }
}
