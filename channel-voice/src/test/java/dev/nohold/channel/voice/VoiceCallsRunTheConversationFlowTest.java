package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.channel.voice.VoiceWebhooks.only;
import static dev.nohold.channel.voice.VoiceWebhooks.twiml;
import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls through the shipped conversation flows, driven by signed Twilio webhooks: the {@code account-line} flow
 * (called at the entry point {@code account-line}) by keys and by words, a Twilio retry of a turn, the handoff told
 * with its reference or connected live (and, unanswered, left to the next agent); and the default {@code answers} flow
 * greeting a call to any number.
 */
@QuarkusTest
class VoiceCallsRunTheConversationFlowTest {

    private static final String ACCOUNT_LINE = "account-line";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
        VoiceWebhooks.withShippedFlows();
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void billingByKeysAWrongAccountAskedAgainAndTheReferenceToldWithNobodyFree() {
        Element menu = twiml(call("CAflowkeys", VoicePaths.INCOMING, Map.of()));
        Element gather = only(menu, "Gather");
        assertEquals("1", gather.getAttribute("numDigits"));
        assertEquals("dtmf speech", gather.getAttribute("input"));
        assertTrue(gather.getAttribute("hints").contains("Billing"), gather.getAttribute("hints"));
        assertTrue(only(gather, "Say").getTextContent().startsWith("Welcome to Nohold support. What is it about?"));
        assertTrue(only(menu, "Redirect").getTextContent().startsWith(VoicePaths.FLOW_TURN));

        String account = call("CAflowkeys", gather.getAttribute("action"), Map.of("Digits", "1"));
        Element accountGather = only(twiml(account), "Gather");
        assertTrue(only(accountGather, "Say").getTextContent().contains("account number"));
        assertEquals("#", accountGather.getAttribute("finishOnKey"));
        // Twilio retries the same callback: the same answer, and the flow does not take "1" as the account number.
        assertEquals(account, call("CAflowkeys", gather.getAttribute("action"), Map.of("Digits", "1")));

        Element again = only(twiml(call("CAflowkeys", accountGather.getAttribute("action"), Map.of("Digits", "12"))),
                "Gather");
        assertTrue(only(again, "Say").getTextContent().startsWith("An account number has exactly six digits"));

        var handedOver = VoiceWebhooks.post(again.getAttribute("action"), form("CAflowkeys", Map.of("Digits",
                "123456"))).then().statusCode(200).extract().response();
        only(twiml(handedOver.asString()), "Hangup");
        String reference = VoiceWebhooks.reference(handedOver);
        String id = (String) VoiceWebhooks.requestByReference(reference).get("id");
        as("sam").get("/api/requests/" + id).then().body("status", equalTo("QUEUED"))
                .body("events.find { it.type == 'FLOW' }.detail", containsString("account: 123456"))
                .body("events.find { it.type == 'FLOW' }.detail", containsString("skill: billing"));
        // The caller hangs up: the flow's request is the call's, there is no "please call back" beside it.
        VoiceWebhooks.status("CAflowkeys", "completed", null).then().statusCode(204);
        as("sam").get("/api/requests?channel=voice").then().body("size()", equalTo(1));
    }

    @Test
    void billingInWordsIsConnectedLiveToAFreeBillingAgentWithTheFlowsRequest() {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "bea", "password", Fixtures.PASSWORD,
                        "displayName", "Bea", "phone", "+15557654323", "skills", List.of("billing")))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence("bea", "AVAILABLE");

        Element menu = only(twiml(call("CAflowwords", VoicePaths.INCOMING, Map.of())), "Gather");
        Element accountGather = only(twiml(call("CAflowwords", menu.getAttribute("action"),
                Map.of("SpeechResult", "billing"))), "Gather");
        assertTrue(only(accountGather, "Say").getTextContent().contains("account number"));
        Element again = only(twiml(call("CAflowwords", accountGather.getAttribute("action"),
                Map.of("SpeechResult", "one two three"))), "Gather");
        assertTrue(only(again, "Say").getTextContent().startsWith("An account number has exactly six digits"));

        Element dial = only(twiml(call("CAflowwords", again.getAttribute("action"),
                Map.of("SpeechResult", "one two three four five six"))), "Dial");
        Element number = only(dial, "Number");
        assertEquals("+15557654323", number.getTextContent());

        // Bea picks up: the request the flow made becomes hers, with what the flow collected.
        call("CAflowwords", number.getAttribute("url"), Map.of());
        String id = as("bea").get("/api/me/requests").then().body("size()", equalTo(1))
                .body("[0].status", equalTo("ASSIGNED")).extract().path("[0].id");
        as("bea").get("/api/requests/" + id).then()
                .body("events.find { it.type == 'FLOW' }.detail", containsString("account: 123456"));

        only(twiml(call("CAflowwords", VoicePaths.DIALED, Map.of("DialCallStatus", "completed"))), "Hangup");
        as("sam").get("/api/requests/" + id).then().body("status", equalTo("DELIVERED"));
        as("sam").get("/api/requests?channel=voice").then().body("size()", equalTo(1))
                .body("status", hasItem("DELIVERED"));
    }

    @Test
    void aHandedOverCallerWhoseAgentDoesNotPickUpIsToldTheReferenceAndTheRequestWaitsForTheNextAgent() {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "cy", "password", Fixtures.PASSWORD,
                        "displayName", "Cy", "phone", "+15557654324", "skills", List.of()))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence("cy", "AVAILABLE");
        Map<String, String> toUs = VoiceWebhooks.call("CAflownoanswer");
        Element question = only(twiml(VoiceWebhooks.post(VoicePaths.INCOMING, toUs).then().statusCode(200).extract()
                .asString()), "Gather");
        toUs.put("SpeechResult", "Xyzzy plugh frobnicate the quux");
        Element dial = only(twiml(VoiceWebhooks.post(question.getAttribute("action"), toUs).then().statusCode(200)
                .extract().asString()), "Dial");
        assertTrue(dial.getParentNode().getTextContent().contains("passing you to our team"));

        Map<String, String> ended = VoiceWebhooks.call("CAflownoanswer");
        ended.put("DialCallStatus", "no-answer");
        var told = VoiceWebhooks.post(VoicePaths.DIALED, ended).then().statusCode(200).extract().response();
        only(twiml(told.asString()), "Hangup");
        String id = (String) VoiceWebhooks.requestByReference(VoiceWebhooks.reference(told)).get("id");
        // Released from the ring, Cy is idle again and the dispatcher gives her the request like any other.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("sam").get("/api/requests/" + id).then().body("assignedTo", equalTo("cy"))
                        .body("text", equalTo("Xyzzy plugh frobnicate the quux")));
    }

    @Test
    void theDefaultFlowGreetsACallToOurNumberASilentCallerLeavesARecordingAWithheldNumberSkipsIt() {
        Element greeting = twiml(VoiceWebhooks.incoming("CAflowquiet").then().statusCode(200).extract().asString());
        assertTrue(only(only(greeting, "Gather"), "Say").getTextContent().contains("What can we help you with?"));

        Element askedAgain = twiml(VoiceWebhooks.post(only(greeting, "Redirect").getTextContent(),
                VoiceWebhooks.call("CAflowquiet")).then().statusCode(200).extract().asString());
        assertTrue(only(only(askedAgain, "Gather"), "Say").getTextContent().contains("What can we help you with?"));

        Element recording = twiml(VoiceWebhooks.post(only(askedAgain, "Redirect").getTextContent(),
                VoiceWebhooks.call("CAflowquiet")).then().statusCode(200).extract().asString());
        assertEquals(VoicePaths.RECORDED, only(recording, "Record").getAttribute("action"));

        // A withheld number is not one caller: it skips the flow and gets the greeting and menu as without one.
        Map<String, String> withheld = VoiceWebhooks.call("CAflowwithheld");
        withheld.put("From", "+266696687");
        Element greeted = twiml(VoiceWebhooks.post(VoicePaths.INCOMING, withheld).then().statusCode(200).extract()
                .asString());
        assertEquals(VoicePaths.MENU, only(greeted, "Gather").getAttribute("action"));
    }

    /** A webhook of the call to the account line, as Twilio signs it; its TwiML. */
    private static String call(String callSid, String path, Map<String, String> fields) {
        return VoiceWebhooks.post(path, form(callSid, fields)).then().statusCode(200).extract().asString();
    }

    private static Map<String, String> form(String callSid, Map<String, String> fields) {
        Map<String, String> form = VoiceWebhooks.call(callSid);
        form.put("To", ACCOUNT_LINE);
        form.putAll(fields);
        return form;
    }
}
