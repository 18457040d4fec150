package dev.nohold.core.session;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser for the session tests: keeps the cookies it is given, sends them back, and never follows redirects. */
class Browser {

    static final String SESSION = SessionAuthenticationMechanism.COOKIE;
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final Map<String, String> cookies = new HashMap<>();

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    Response get(String path) {
        return keepCookies(request().get(path));
    }

    /** Opens the login page and submits its form, as a person would. */
    Response logIn(String username, String password) {
        get("/login").then().statusCode(200);
        return keepCookies(request().contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password)
                .formParam("csrf-token", cookies.get(SessionCookies.LOGIN_CSRF))
                .post("/login"));
    }

    /** The CSRF token the inbox page gives its scripts and forms. */
    String inboxCsrfToken() {
        String page = get("/inbox").then().statusCode(200).extract().asString();
        Matcher meta = CSRF_META.matcher(page);
        assertTrue(meta.find(), "the inbox page carries its CSRF token");
        return meta.group(1);
    }

    String session() {
        return cookies.get(SESSION);
    }

    void session(String token) {
        cookies.put(SESSION, token);
    }

    Response keepCookies(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        return response;
    }
}
