package dev.nohold.channel.sms;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.flow.QuietCustomers;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped "account-line" flow over signed Twilio webhooks, at its entry point (the number texted to): each turn
 * is the TwiML answer, a menu as numbered text; the handoff makes one request carrying what the flow collected, and
 * the last answer names its reference. A Twilio retry of a text (the same MessageSid) gets the same answer and
 * makes no second turn.
 */
@QuarkusTest
class SmsRunsConversationFlowsTest {

    private static final String ENTRY = "account-line";
    private static final String CUSTOMER = "+15551239001";
    private static final String REPROMPT = "An account number has exactly six digits, like 123456.\n"
            + "What is your account number? It has six digits.";

    @Inject
    DataSource dataSource;
    @Inject
    ChannelRequests requests;
    @Inject
    QuietCustomers quietCustomers;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @AfterEach
    void defaultFlowsOnAgain() {
        as("admin").post("/api/flows/answers/activate").then().statusCode(200);
    }

    @Test
    void theAccountLineMenuCollectsAndHandsOverWithTheReference() throws Exception {
        String menu = message(SignedWebhooks.text("SM7000000000000000000000000000001", CUSTOMER, ENTRY, "hi"));
        assertTrue(menu.contains("What is it about?\n1 Billing\n2 A question\nReply with the number or a word."),
                menu);

        String asked = message(SignedWebhooks.text("SM7000000000000000000000000000002", CUSTOMER, ENTRY, "1"));
        assertEquals("What is your account number? It has six digits.", asked);
        assertEquals(asked, message(SignedWebhooks.text("SM7000000000000000000000000000002", CUSTOMER, ENTRY, "1")),
                "Twilio's retry is answered as the first time; a second turn would have taken '1' as the account");

        assertEquals(REPROMPT, message(SignedWebhooks.text("SM7000000000000000000000000000003", CUSTOMER, ENTRY,
                "12ab")));

        Response handedOver = SignedWebhooks.text("SM7000000000000000000000000000004", CUSTOMER, ENTRY, "123456");
        String told = message(handedOver);
        String reference = SmsTesting.reference(handedOver);
        assertTrue(told.contains("We have your request " + reference + ". You are number 1 in line"), told);
        assertEquals(told, message(SignedWebhooks.text("SM7000000000000000000000000000004", CUSTOMER, ENTRY,
                "123456")), "the retry of the last text is told the same");

        String id = SmsTesting.idOf(reference);
        as("admin").get("/api/requests?channel=sms").then().body("", hasSize(1));
        as("admin").get("/api/requests/" + id).then()
                .body("from", equalTo(CUSTOMER))
                .body("text", org.hamcrest.Matchers.containsString("123456"))
                .body("events.find { it.type == 'FLOW' }.detail",
                        org.hamcrest.Matchers.containsString("account: 123456"));
        Map<String, String> attributes = requests.find(UUID.fromString(id)).orElseThrow().attributes();
        assertEquals("123456", attributes.get("account"));
        assertEquals("billing", attributes.get("skill"));
        assertEquals(ENTRY, attributes.get("to"));
        assertEquals(id, requests.byProviderId("sms", "SM7000000000000000000000000000004").orElseThrow().id()
                .toString(), "the request keeps the MessageSid of the text that handed it over");

        // Now a request waits for people: the next text joins it, without the bot.
        SignedWebhooks.text("SM7000000000000000000000000000005", CUSTOMER, ENTRY, "any news?").then()
                .body(org.hamcrest.Matchers.containsString("Added to your request " + reference));
    }

    @Test
    void aChoiceByKeywordAndAConversationGoingOnWhereNoFlowStartsOne() throws Exception {
        as("admin").post("/api/flows/answers/deactivate").then().statusCode(200);
        String customer = "+15551239002";
        message(SignedWebhooks.text("SM7000000000000000000000000000011", customer, ENTRY, "hello"));
        assertEquals("What is your account number? It has six digits.",
                message(SignedWebhooks.text("SM7000000000000000000000000000012", customer, ENTRY, "billing please")));

        // The same customer writes to the main number, where no flow serves now: their conversation goes on.
        assertEquals(REPROMPT, message(SignedWebhooks.text("SM7000000000000000000000000000013", customer, "x")));
        // Another customer there gets the acknowledgement of a request, as without flows.
        SignedWebhooks.text("SM7000000000000000000000000000014", "+15551239003", "Where is my parcel?").then()
                .body(org.hamcrest.Matchers.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Message>Thanks, we have your request"));
        as("admin").get("/api/requests?channel=sms").then().body("from", hasItem("+15551239003"))
                .body("", hasSize(1));
    }

    @Test
    void aQuietTexterIsRemindedOnceByText() throws Exception {
        String customer = "+15551239004";
        message(SignedWebhooks.text("SM7000000000000000000000000000021", customer, ENTRY, "hi"));

        Instant quietLong = Instant.now().plus(Duration.ofMinutes(11));
        quietCustomers.act(quietLong);
        quietCustomers.act(quietLong);

        TwilioStandIn.Call reminder = await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.messagesSent()
                .stream().filter(call -> customer.equals(call.field("To"))).toList(), sent -> !sent.isEmpty()).get(0);
        assertEquals("Are you still there? Just answer here to carry on.", reminder.field("Body"));
        assertEquals(TwilioStandIn.OUR_NUMBER, reminder.field("From"));
        assertEquals(List.of(reminder), TwilioStandIn.messagesSent(), "one reminder");
    }

    /** The text of the TwiML answer's one {@code <Message>}, read with an XML parser. */
    private static String message(Response twiml) throws Exception {
        twiml.then().statusCode(200);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(twiml.asByteArray()));
        assertEquals("Response", document.getDocumentElement().getTagName());
        NodeList messages = document.getElementsByTagName("Message");
        assertEquals(1, messages.getLength(), twiml.asString());
        return messages.item(0).getTextContent();
    }
}
