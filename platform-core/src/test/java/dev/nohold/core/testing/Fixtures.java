package dev.nohold.core.testing;

import dev.nohold.core.channel.IntakeJournal;
import dev.nohold.core.request.WaitingLine;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What tests of every module need: a clean database, agents, and calls made as a given account. */
public final class Fixtures {

    public static final String PASSWORD = "password-123";

    private Fixtures() {
    }

    /**
     * Empties every table but keeps the admin account, so each test starts from a known state. The previous test's
     * background work (dispatch, delivery retries) may still be writing; if PostgreSQL picks the truncate as a
     * deadlock's victim, it is simply done again.
     */
    public static void reset(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("truncate live_reservation, request_event, delivery, reply, customer_request, media cascade");
                sql.execute("truncate browser_session, login_failure");
                sql.execute("truncate canned_response");
                sql.execute("truncate knowledge_article");
                sql.execute("truncate intake_limit_window");
                sql.execute("truncate live_event");
                sql.execute("truncate intake_entry");
                sql.execute("truncate message, customer_address, customer cascade");
                sql.execute("delete from agent where username <> 'admin'");
                sql.execute("update agent set presence = 'OFFLINE', open_assignments = 0");
                forgetTheWaitingLine();
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The node's copy of the line knows nothing of a truncate; in a test running inside the platform, say so. */
    private static void forgetTheWaitingLine() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(WaitingLine.class).get().reread();
            container.instance(IntakeJournal.class).get().forgetUntaken();
        }
    }

    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username,
                "admin".equals(username) ? EmbeddedPostgresResource.ADMIN_PASSWORD : PASSWORD);
    }

    public static void createAgent(String username, String... roles) {
        createAgent(username, 1, List.of(), roles);
    }

    public static void createAgent(String username, int capacity, List<String> skills, String... roles) {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "displayName", "Agent " + username,
                        "roles", roles.length == 0 ? List.of("agent") : List.of(roles),
                        "skills", skills, "capacity", capacity))
                .post("/api/admin/agents")
                .then().statusCode(201);
    }

    public static void presence(String username, String status) {
        as(username).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/me/presence").then().statusCode(200);
    }
}
