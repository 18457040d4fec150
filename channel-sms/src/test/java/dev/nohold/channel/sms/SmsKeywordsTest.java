package dev.nohold.channel.sms;

import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class SmsKeywordsTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void statusTellsTheOpenRequestsPlaceInLineAndNothingWithoutOne() {
        SignedWebhooks.text("SM3000000000000000000000000000001", "+15551230002", "Someone else is first")
                .then().statusCode(200);
        String reference = SmsTesting.reference(SignedWebhooks.text("SM3000000000000000000000000000002",
                "My invoice is wrong"));

        SignedWebhooks.text("SM3000000000000000000000000000003", " status ").then().statusCode(200)
                .body(containsString("Request " + reference + ": You are number 2 in line"));
        SignedWebhooks.text("SM3000000000000000000000000000004", "+15551230009", "STATUS").then().statusCode(200)
                .body(containsString("You have no open request."));
        as("admin").get("/api/requests?channel=sms").then().body("", hasSize(2));
    }

    @Test
    void cancelWithdrawsTheOpenRequest() {
        String reference = SmsTesting.reference(SignedWebhooks.text("SM3000000000000000000000000000011",
                "Please call me back"));
        String id = SmsTesting.idOf(reference);

        SignedWebhooks.text("SM3000000000000000000000000000012", "Cancel").then().statusCode(200)
                .body(containsString("Request " + reference + " is cancelled."));

        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("CANCELLED"))
                .body("events.find { it.type == 'CANCELLED' }.detail", equalTo("the customer texted CANCEL"));
        SignedWebhooks.text("SM3000000000000000000000000000013", "CANCEL").then()
                .body(containsString("You have no open request."));
    }

    @Test
    void afterStopAnAnswerIsNeverTextedAndTheAgentSeesWhy() {
        String reference = SmsTesting.reference(SignedWebhooks.text("SM3000000000000000000000000000021",
                "Is my account closed?"));
        String id = SmsTesting.idOf(reference);
        SmsTesting.assignTo("carol", id);

        SignedWebhooks.text("SM3000000000000000000000000000022", "STOP").then().statusCode(200)
                .body(not(containsString("<Message>")));
        SmsTesting.answer("carol", id, "Yes, it was closed on Monday.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].error", containsString("texted STOP")));
        assertEquals(List.of(), TwilioStandIn.calls(), "nothing was sent to Twilio");

        // Texts from the number are not taken while it is opted out: no answer could reach it.
        SignedWebhooks.text("SM3000000000000000000000000000023", "Hello?").then().statusCode(200)
                .body(not(containsString("<Message>")));
        as("admin").get("/api/requests?channel=sms").then().header("X-Total-Count", "1");

        SignedWebhooks.text("SM3000000000000000000000000000024", "START").then()
                .body(containsString("You will get our texts again."));
        SignedWebhooks.text("SM3000000000000000000000000000025", "HELP").then()
                .body(containsString("STATUS: where your request stands"));
    }

    @Test
    void textsJoinTheOpenRequestAlsoOnceAnAgentHasIt() {
        Response first = SignedWebhooks.text("SM3000000000000000000000000000031", "My router is blinking red.");
        String reference = SmsTesting.reference(first);
        SignedWebhooks.text("SM3000000000000000000000000000032", "I already restarted it.").then()
                .body(containsString("Added to your request " + reference));
        Response third = SignedWebhooks.text("SM3000000000000000000000000000033", "Model X200.");
        third.then().body(containsString("Added to your request " + reference));
        SignedWebhooks.text("SM3000000000000000000000000000033", "Model X200.").then()
                .body(containsString("Added to your request " + reference));

        String id = SmsTesting.idOf(reference);
        // The texts join the request moments after they are acknowledged (the intake journal's drain).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("text", equalTo("My router is blinking red.\nI already restarted it.\nModel X200."))
                .body("events.type", hasItem("MESSAGE_ADDED")));
        as("admin").get("/api/requests?channel=sms").then().header("X-Total-Count", "1");

        // The agent holding the request sees what the texter adds (the core joins it on any channel).
        SmsTesting.assignTo("dave", id);
        String later = SmsTesting.reference(SignedWebhooks.text("SM3000000000000000000000000000034",
                "Now it is green again"));
        assertEquals(reference, later);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("dave").get("/api/requests/" + id).then()
                .body("status", equalTo("ASSIGNED"))
                .body("text", equalTo("My router is blinking red.\nI already restarted it.\nModel X200."
                        + "\nNow it is green again")));

        // Too long to join: the core takes at most 10000 characters a request, so it starts another.
        String overflow = SmsTesting.reference(SignedWebhooks.text("SM3000000000000000000000000000035",
                "z".repeat(9_990)));
        assertNotEquals(later, overflow);
    }
}
