package dev.nohold.core.api;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Every agent reads the canned responses; only supervisors and admins write them, under titles of their own. */
@QuarkusTest
class CannedResponsesAreWrittenBySupervisorsTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("agnes");
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void supervisorsAddAndRemoveWhatAgentsList() {
        String id = add("sam", "Shipping", "  Your parcel {reference} ships tomorrow.  ")
                .then().statusCode(201)
                .body("title", equalTo("Shipping"))
                .body("text", equalTo("Your parcel {reference} ships tomorrow."))
                .extract().path("id");
        add("admin", "Apology", "Sorry for the wait.").then().statusCode(201);

        as("agnes").get("/api/canned-responses").then().statusCode(200)
                .body("title", contains("Apology", "Shipping"));

        as("sam").delete("/api/canned-responses/" + id).then().statusCode(204);
        as("sam").delete("/api/canned-responses/" + id).then().statusCode(404).body("error", containsString(id));
        as("agnes").get("/api/canned-responses").then().body("title", contains("Apology"));
    }

    @Test
    void agentsCannotWriteThem() {
        add("agnes", "Mine", "My own answer").then().statusCode(403);
        String id = add("sam", "Shipping", "Soon.").then().statusCode(201).extract().path("id");
        as("agnes").delete("/api/canned-responses/" + id).then().statusCode(403);
        as("agnes").get("/api/canned-responses").then().body("title", contains("Shipping"));
    }

    @Test
    void aTitleIsUniqueAndTitleAndTextAreRequired() {
        add("sam", "Shipping", "Soon.").then().statusCode(201);
        add("sam", "shipping", "Later.").then().statusCode(409).body("error", containsString("already called"));
        add("sam", " ", "Text").then().statusCode(400).body("error", containsString("title"));
        add("sam", "Empty", "").then().statusCode(400).body("error", containsString("text"));
        add("sam", "Long", "x".repeat(2001)).then().statusCode(400).body("error", containsString("2000"));
        as("sam").contentType(ContentType.JSON).post("/api/canned-responses").then().statusCode(400);
        as("sam").get("/api/canned-responses").then().body("title", contains("Shipping"));
    }

    @Test
    void withoutAccountNothingIsShown() {
        io.restassured.RestAssured.given().get("/api/canned-responses").then().statusCode(401);
        as("sam").get("/api/canned-responses").then().body("$", empty());
    }

    private static io.restassured.response.Response add(String username, String title, String text) {
        return as(username).contentType(ContentType.JSON).body(Map.of("title", title, "text", text))
                .post("/api/canned-responses");
    }
}
