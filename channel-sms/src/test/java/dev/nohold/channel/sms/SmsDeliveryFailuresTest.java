package dev.nohold.channel.sms;

import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmsDeliveryFailuresTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void twilioAnswering503IsRetriedAndTheAnswerDelivered() {
        String id = answered("SM4000000000000000000000000000001", "erin", "It is fixed now.", () ->
                TwilioStandIn.answerNext(503, "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("SENT"))
                .body("deliveries[0].attempts", equalTo(2)));
        as("admin").get("/api/requests/" + id).then()
                .body("events.detail", hasItem(containsString("failed: Twilio answered 503")));
        List<TwilioStandIn.Call> calls = TwilioStandIn.messagesSent();
        assertEquals(2, calls.size(), "one refused call, one accepted");

        String sid = as("admin").get("/api/requests/" + id).then().extract().path("deliveries[0].providerId");
        SignedWebhooks.status(sid, "delivered", null).then().statusCode(204);
        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("DELIVERED"));
    }

    @Test
    void anInvalidNumberFailsAtOnceWithTwiliosCodeAndAReasonTheAgentReads() {
        String id = answered("SM4000000000000000000000000000002", "frank", "Here is your answer.", () ->
                TwilioStandIn.answerNext(400, """
                        {"code": 21211, "message": "The 'To' number +15551230001 is not a valid phone number.",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("frank").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("deliveries[0].error", containsString("Twilio error 21211"))
                .body("deliveries[0].error", containsString("not a valid phone number")));
        assertEquals(1, TwilioStandIn.messagesSent().size(), "a permanent refusal is not retried");
    }

    @Test
    void aCarrierFailureReportedByTheStatusCallbackFailsTheDelivery() {
        String id = answered("SM4000000000000000000000000000003", "gina", "Short answer.", () -> { });
        String sid = await().atMost(Duration.ofSeconds(10)).until(() ->
                as("admin").get("/api/requests/" + id).then().extract().<String>path("deliveries[0].providerId"),
                value -> value != null);

        SignedWebhooks.status(sid, "undelivered", "30003").then().statusCode(204);
        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].error", containsString("30003"))
                .body("deliveries[0].error", containsString("unreachable"));
    }

    @Test
    void aLongAnswerGoesOutInNumberedPartsAndIsDeliveredWhenEveryPartIs() {
        String sentence = "Please restart the router and wait two minutes before trying again. ";
        String longAnswer = sentence.repeat(50).strip();
        String id = answered("SM4000000000000000000000000000004", "hank", longAnswer, () -> { });

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.messagesSent().size() == 3);
        List<String> bodies = TwilioStandIn.messagesSent().stream().map(call -> call.field("Body")).toList();
        for (int i = 0; i < bodies.size(); i++) {
            assertTrue(bodies.get(i).length() <= 1600, "part " + i + " fits one Twilio message");
            assertTrue(bodies.get(i).endsWith("again. (" + (i + 1) + "/3)"), "cut after a sentence: " + bodies.get(i));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("SENT")));

        List<String> messageSids = TwilioStandIn.messagesSent().stream().map(TwilioStandIn.Call::sid).toList();
        SignedWebhooks.status(messageSids.get(0), "delivered", null).then().statusCode(204);
        SignedWebhooks.status(messageSids.get(2), "delivered", null).then().statusCode(204);
        as("admin").get("/api/requests/" + id).then().body("deliveries[0].status", equalTo("SENT"));
        SignedWebhooks.status(messageSids.get(1), "delivered", null).then().statusCode(204);
        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("DELIVERED"));
    }

    /** A texted question, assigned to {@code agent} and answered, with Twilio primed first. */
    private String answered(String messageSid, String agent, String answer, Runnable primeTwilio) {
        String id = SmsTesting.idOf(SmsTesting.reference(SignedWebhooks.text(messageSid, "A question")));
        SmsTesting.assignTo(agent, id);
        primeTwilio.run();
        SmsTesting.answer(agent, id, answer);
        return id;
    }
}
