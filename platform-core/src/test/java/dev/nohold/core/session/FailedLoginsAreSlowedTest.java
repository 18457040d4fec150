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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Five failed logins for a username within 15 minutes (the defaults), or {@value SessionTestProfile#PER_ADDRESS}
 * from one address (this profile), refuse further attempts with 429 and Retry-After until the failures age out:
 * on the login page and over HTTP Basic, counted in the shared database.
 */
@QuarkusTest
@TestProfile(SessionTestProfile.class)
class FailedLoginsAreSlowedTest {

    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;

    @BeforeEach
    void clean() {
        clock.reset();
        Fixtures.reset(dataSource);
        Fixtures.createAgent("ada");
        Fixtures.createAgent("bob");
    }

    @Test
    void fiveWrongPasswordsSuspendTheUsernameUntilTheyAgeOut() {
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            browser.logIn("ada", "guess-" + i).then().statusCode(401);
        }
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(14 * 60), lessThanOrEqualTo(15 * 60)))
                .body(containsString("Too many failed logins"));
        given().auth().preemptive().basic("ada", Fixtures.PASSWORD).get("/api/me").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body("error", containsString("Too many failed logins"));

        browser.logIn("bob", Fixtures.PASSWORD).then().statusCode(303);

        clock.advance(Duration.ofMinutes(15));
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
    }

    @Test
    void wrongBasicPasswordsCountToo() {
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic("ada", "guess-" + i).get("/api/me").then().statusCode(401);
        }
        new Browser().logIn("ada", Fixtures.PASSWORD).then().statusCode(429);
    }

    @Test
    void manyFailuresFromOneAddressSuspendItForEveryUsername() {
        Browser browser = new Browser();
        for (int i = 0; i < SessionTestProfile.PER_ADDRESS; i++) {
            browser.logIn("someone-" + i, "guess").then().statusCode(401);
        }
        browser.logIn("bob", Fixtures.PASSWORD).then().statusCode(429);
    }

    @Test
    void theRightPasswordForgetsTheUsernamesEarlierFailures() {
        Browser browser = new Browser();
        for (int i = 0; i < 4; i++) {
            browser.logIn("ada", "guess-" + i).then().statusCode(401);
        }
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
        // Three more, not four: the address's own count (8 here) is not forgotten.
        for (int i = 0; i < 3; i++) {
            browser.logIn("ada", "typo-" + i).then().statusCode(401);
        }
        browser.logIn("ada", Fixtures.PASSWORD).then().statusCode(303);
    }
}
