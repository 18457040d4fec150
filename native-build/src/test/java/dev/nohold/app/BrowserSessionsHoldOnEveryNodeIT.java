package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged platforms on one external PostgreSQL: a browser session opened on one node works on the other, and a
 * logout on either ends it on both (the old cookie, replayed, opens nothing anywhere).
 */
class BrowserSessionsHoldOnEveryNodeIT {

    private static final String ADMIN_PASSWORD = "sessions-admin";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private PlatformProcess first;
    private PlatformProcess second;

    @AfterEach
    void stopAll() throws Exception {
        for (PlatformProcess node : new PlatformProcess[] {first, second}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSessionFromOneNodeWorksOnTheOtherUntilALogoutOnEither() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("external-db"));
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", ADMIN_PASSWORD);
        first = PlatformProcess.start(work.resolve("node-1"), settings);
        second = PlatformProcess.start(work.resolve("node-2"), settings);
        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "grace", "password", "password-123"))
                .post(first.baseUrl() + "/api/admin/agents").then().statusCode(201);

        String session = logIn(first, "grace", "password-123");
        given().cookie("nohold-session", session).get(second.baseUrl() + "/api/me").then().statusCode(200)
                .body("username", equalTo("grace"));
        String inbox = given().redirects().follow(false).cookie("nohold-session", session)
                .get(second.baseUrl() + "/inbox").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF_META.matcher(inbox);
        assertTrue(csrf.find());

        given().redirects().follow(false).cookie("nohold-session", session)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .post(second.baseUrl() + "/logout").then().statusCode(303);
        given().cookie("nohold-session", session).get(first.baseUrl() + "/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    private static String logIn(PlatformProcess node, String username, String password) {
        Response page = given().get(node.baseUrl() + "/login");
        String formToken = page.getCookie("nohold-login-csrf");
        assertNotNull(formToken);
        Response login = given().redirects().follow(false).cookie("nohold-login-csrf", formToken)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("csrf-token", formToken)
                .post(node.baseUrl() + "/login");
        login.then().statusCode(303);
        return login.getCookie("nohold-session");
    }
}
