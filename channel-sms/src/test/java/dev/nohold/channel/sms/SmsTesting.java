package dev.nohold.channel.sms;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.arc.Arc;
import dev.nohold.twilio.TwilioStandIn;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The steps the SMS tests share: a clean slate, the reference an acknowledgement names, an agent answering. */
final class SmsTesting {

    private static final Pattern REFERENCE = Pattern.compile("request ([23456789A-HJKMNP-Z]{6})");

    private SmsTesting() {
    }

    static void reset(DataSource dataSource) {
        Fixtures.reset(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("truncate sms_opt_out, sms_inbound, sms_outbound_part, sms_notice, flow_conversation");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Arc.container().instance(OptOuts.class).get().reread();
        TwilioStandIn.reset();
    }

    /** The reference in a TwiML acknowledgement. */
    static String reference(Response twiml) {
        Matcher matcher = REFERENCE.matcher(twiml.asString());
        if (!matcher.find()) {
            throw new AssertionError("No reference in " + twiml.asString());
        }
        return matcher.group(1);
    }

    /**
     * The id of the request with this reference, as a supervisor sees it: a text is a request moments after its
     * acknowledgement (the intake journal is taken right after the webhook is answered).
     */
    static String idOf(String reference) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> as("admin")
                .get("/api/requests?channel=sms&size=500").then().statusCode(200)
                .extract().<String>path("find { it.reference == '" + reference + "' }.id"), Objects::nonNull);
    }

    /** Makes {@code agent} available and waits until the request is theirs. */
    static void assignTo(String agent, String requestId) {
        Fixtures.createAgent(agent);
        Fixtures.presence(agent, "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + requestId).then().body("assignedTo", equalTo(agent)));
    }

    static void answer(String agent, String requestId, String text) {
        as(agent).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/requests/" + requestId + "/reply").then().statusCode(201);
    }
}
