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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Logging out ends the session in the shared database: the old cookie, replayed, opens nothing on any node. */
@QuarkusTest
@TestProfile(SessionTestProfile.class)
class LogoutEndsTheSessionTest {

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
    void afterLogoutTheOldCookieIsRefused() throws SQLException {
        Browser browser = new Browser();
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        Browser other = new Browser();
        other.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        String token = browser.session();
        assertEquals(2, sessionRows());

        Response logout = browser.keepCookies(browser.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", browser.inboxCsrfToken())
                .post("/logout"));
        logout.then().statusCode(303).header("Location", endsWith("/login"));
        Cookie cleared = logout.getDetailedCookie(Browser.SESSION);
        assertNotNull(cleared, "the browser is told to drop the cookie");
        assertEquals(0, cleared.getMaxAge());

        given().cookie(Browser.SESSION, token).get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
        given().redirects().follow(false).cookie(Browser.SESSION, token).get("/inbox").then().statusCode(303)
                .header("Location", endsWith("/login"));
        assertEquals(1, sessionRows(), "the row every node reads is gone; the other browser's session stays");
        other.request().get("/api/me").then().statusCode(200);
    }

    private int sessionRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from browser_session")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
