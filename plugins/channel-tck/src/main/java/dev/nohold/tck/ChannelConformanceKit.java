package dev.nohold.tck;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.nohold.tck.KitPlatform.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance kit: what the core expects of every channel, as tests a channel module runs against itself.
 *
 * <pre>
 * &#64;QuarkusTest
 * class EmailChannelConformanceTest extends ChannelConformanceKit {
 *     protected ChannelDriver driver() { return new MailDriver(); }
 * }
 * </pre>
 *
 * Each test starts from an empty platform, speaks to the channel only through its provider (the driver) and reads the
 * outcome only through the platform's API, so it holds the channel to what agents and customers see. A failure says
 * what the channel did and what the core expected of it.
 */
public abstract class ChannelConformanceKit {

    private ChannelDriver driver;
    private KitPlatform platform;
    private String channel;

    /** The channel's driver; called once per test. */
    protected abstract ChannelDriver driver();

    @BeforeEach
    void emptyPlatform() throws Exception {
        driver = driver();
        channel = driver.channelId();
        platform = new KitPlatform(channel);
        KitPlatform.reset();
        driver.reset();
        assertTrue(platform.bean().isPresent(), "No Channel bean with the id '" + channel + "' is installed: the"
                + " core found " + "a channel for each CDI bean implementing dev.nohold.core.channel.Channel in a"
                + " jar with a Jandex index; check the id() and the jandex-maven-plugin");
    }

    // --- Standing

    @Test
    void theChannelIsListedConfiguredAndHealthy() {
        Map<String, Object> listed = KitPlatform.listed(channel);
        assertTrue(listed != null, "GET /api/channels does not list '" + channel + "'");
        assertEquals(true, listed.get("configured"), "The channel says it is not configured (" + listed.get(
                "lastError") + ") in the test application; the core expected missingConfiguration() empty once its"
                + " settings are given");
        assertEquals(true, listed.get("healthy"), "The channel says it is unhealthy (" + listed.get("lastError")
                + "); the core expected lastError() empty while its provider answers");
    }

    // --- Intake

    @Test
    void intakeStoresOneRequestWithTheChannelTheSenderAndTheText() throws Exception {
        String customer = driver.customer(1);
        String text = "Where is my parcel? " + token();
        driver.send(customer, text, messageId());

        Map<String, Object> request = arrived(customer);
        assertEquals(channel, request.get("channel"), "The request was stored under another channel's id; the core"
                + " expected the channel's own id() in InboundMessage.from(channel, …)");
        assertEquals(customer, request.get("from"), "The request's sender is not the customer's address; the core"
                + " expected the provider's sender, normalized, in InboundMessage.from(…, address)");
        if (driver.sendsText()) {
            String stored = String.valueOf(request.get("text"));
            assertTrue(stored.contains(text), "The request's text is '" + stored + "'; the core expected what the"
                    + " customer wrote, '" + text + "', in InboundMessage.text(…)");
        }
    }

    @Test
    void aRepeatedProviderMessageMakesOneRequest() throws Exception {
        String customer = driver.customer(1);
        String id = messageId();
        String text = "Is my order shipped? " + token();
        driver.send(customer, text, id);
        arrived(customer);

        driver.resend(customer, text, id);
        afterTheProviderSpokeAgain();

        List<Map<String, Object>> requests = platform.requestsFrom(customer);
        assertEquals(1, requests.size(), "The provider delivered message " + id + " twice and the channel made "
                + requests.size() + " requests; the core expected one: pass the provider's message id to"
                + " InboundMessage.Builder#providerMessageId(id, fingerprint), and the repeat gets the first receipt");
        long inbound = platform.view(requests.get(0).get("id")).getList("messages.direction").stream()
                .filter("in"::equals).count();
        assertEquals(1, inbound, "The repeated provider message " + id + " was added to the conversation "
                + inbound + " times; the core expected it once (pass the provider's message id)");
    }

    @Test
    void forgedInputIsRefusedAndNothingIsStored() throws Exception {
        String forger = driver.customer(2);
        driver.sendForged(forger, "Send the refund to my new account " + token(), messageId());
        afterTheProviderSpokeAgain();

        List<Map<String, Object>> stored = platform.requestsFrom(forger);
        assertTrue(stored.isEmpty(), "The channel stored a forged message (one its provider did not send) as"
                + " request " + references(stored) + "; the core expected it refused before"
                + " ChannelRequests.take: check the provider's signature or sender first");
        assertEquals(1, KitPlatform.allRequests(), "A forged message made a request somewhere; the core expected"
                + " nothing stored but the genuine message sent after it");
    }

    @Test
    void malformedInputIsRefusedAndNothingIsStored() throws Exception {
        String customer = driver.customer(3);
        driver.sendMalformed(customer, messageId());
        afterTheProviderSpokeAgain();

        List<Map<String, Object>> stored = platform.requestsFrom(customer);
        assertTrue(stored.isEmpty(), "The channel stored a malformed message as request " + references(stored)
                + "; the core expected it refused (a Refusal, a 4xx for the provider) with nothing stored");
        assertEquals(1, KitPlatform.allRequests(), "A malformed message made a request somewhere; the core"
                + " expected nothing stored but the genuine message sent after it");
    }

    @Test
    void aFollowUpJoinsTheOpenConversation() throws Exception {
        assumeTrue(driver.sendsText(), "The " + channel + " channel takes recordings, and audio makes a request"
                + " of its own: nothing joins by text");
        String customer = driver.customer(1);
        driver.send(customer, "My heating is broken. " + token(), messageId());
        Object id = arrived(customer).get("id");

        String more = "Also, the boiler is leaking. " + token();
        driver.send(customer, more, messageId());
        JsonPath joined = eventually(driver.patience(), () -> platform.view(id),
                view -> view.getList("messages.text").stream().anyMatch(t -> String.valueOf(t).contains(more)),
                view -> "The customer's follow-up never reached their open request " + view.getString("reference")
                        + " (its messages: " + view.getList("messages.text") + "); the core expected the follow-up"
                        + " handed to ChannelRequests.take from the same address, without ownRequest()");
        assertEquals(1, platform.requestsFrom(customer).size(), "The follow-up made a request of its own; the core"
                + " expected it to join the open one (same channel and address, no ownRequest())");
        assertEquals(2, joined.getList("messages").size(), "The open request's conversation is "
                + joined.getList("messages.text") + "; the core expected the first message and the follow-up");
    }

    // --- Delivery

    @Test
    void aReplyIsDeliveredToTheCustomer() throws Exception {
        String customer = driver.customer(1);
        String answer = "Your parcel arrives tomorrow. " + token();
        Object id = answered(customer, answer);

        JsonPath view = delivery(id, status -> status.equals("SENT") || status.equals("DELIVERED"),
                "SENT or DELIVERED (DeliveryResult.sent or delivered)");
        Optional<Delivered> sent = driver.delivered().stream().filter(d -> customer.equals(d.to())).findFirst();
        assertTrue(sent.isPresent(), "The delivery is " + view.getString("deliveries[0].status") + " but the"
                + " provider was asked to deliver nothing to " + customer + " (it saw " + driver.delivered()
                + "); the core expected the reply sent to OutboundReply.to()");
        if (sent.get().text() != null) {
            assertTrue(sent.get().text().contains(answer), "The provider was given '" + sent.get().text()
                    + "'; the core expected the agent's reply, '" + answer + "'");
        }
        String providerId = view.getString("deliveries[0].providerId");
        if ("SENT".equals(view.getString("deliveries[0].status")) && driver.confirmDelivered(providerId)) {
            delivery(id, "DELIVERED"::equals, "DELIVERED after the provider's report, through"
                    + " ChannelRequests.delivered(channel, providerId)");
        }
    }

    @Test
    void aRetryableFailureIsRetried() throws Exception {
        String reason = driver.failNextDelivery(ProviderFailure.RETRYABLE);
        Object id = answered(driver.customer(1), "We have fixed it. " + token());

        JsonPath view = deliveryWhere(id, found -> found.getInt("deliveries[0].attempts") >= 2
                        && !"PENDING".equals(found.getString("deliveries[0].status"))
                        || "FAILED".equals(found.getString("deliveries[0].status")),
                "a second attempt after the provider's retryable failure (" + reason + ")");
        assertEquals(List.of(), failedFor(view), "The provider failed in a way a retry can help (" + reason
                + ") and the channel made it permanent; the core expected"
                + " DeliveryException.transientFailure(reason), then a second attempt");
        assertTrue(view.getInt("deliveries[0].attempts") >= 2, "The delivery was not tried again");
    }

    @Test
    void aPermanentFailureIsReportedWithItsReason() throws Exception {
        String reason = driver.failNextDelivery(ProviderFailure.PERMANENT);
        Object id = answered(driver.customer(1), "Here is your answer. " + token());

        // Settled when failed, delivered anyway, or tried again: each of the latter two is a mistake, known at once.
        JsonPath view = deliveryWhere(id, found -> found.getInt("deliveries[0].attempts") >= 2
                        || !"PENDING".equals(found.getString("deliveries[0].status")),
                "FAILED: the provider refused the reply for good (" + reason + ")");
        int attempts = view.getInt("deliveries[0].attempts");
        assertTrue(attempts < 2, "The provider refused for good (" + reason + ") and the channel had it tried "
                + attempts + " times; the core expected DeliveryException.permanentFailure, which is not retried");
        String status = view.getString("deliveries[0].status");
        assertEquals("FAILED", status, "The provider refused the reply for good (" + reason + ") and the channel"
                + " reported it " + status + "; the core expected DeliveryException.permanentFailure(reason) (or"
                + " ChannelRequests.failed from a status callback), so the agent sees it failed");
        String error = view.getString("deliveries[0].error");
        assertTrue(error != null && error.contains(reason), "The agent is shown '" + error + "'; the core expected"
                + " the provider's reason, containing '" + reason + "', in permanentFailure(reason)");
    }

    @Test
    void aFailedDeliveryFallsBackToTheFallbackChannel() throws Exception {
        Optional<String> fallback = platform.bean().orElseThrow().fallbackChannel();
        assumeTrue(fallback.isPresent(), "The " + channel + " channel declares no fallbackChannel()");
        assumeTrue(KitPlatform.installed(fallback.get()), "The fallback channel '" + fallback.get()
                + "' is not installed in this test application");
        driver.failNextDelivery(ProviderFailure.PERMANENT);
        Object id = answered(driver.customer(1), "Call us back. " + token());

        eventually(driver.patience(), () -> platform.view(id),
                view -> view.getList("deliveries.channel").contains(fallback.get()),
                view -> "The reply failed for good on " + channel + " (deliveries " + view.getList("deliveries")
                        + ") and nothing went to the fallback '" + fallback.get() + "'; the core expected a"
                        + " permanent failure (DeliveryException.permanentFailure or ChannelRequests.failed), after"
                        + " which it sends the reply there");
    }

    // --- Live contact

    @Test
    void theLiveContactHookConnectsTheCustomerToAnIdleAgent() throws Exception {
        assumeTrue(platform.bean().orElseThrow().liveContact().isPresent(), "The " + channel
                + " channel has no liveContact() hook");
        KitPlatform.availableAgent();
        String customer = driver.customer(4);
        String contact = messageId();
        driver.contactLive(customer, contact);
        driver.agentTookLiveContact(customer, contact);

        List<Map<String, Object>> requests = eventually(driver.patience(), () -> platform.requestsFrom(customer),
                found -> !found.isEmpty(),
                found -> "The idle agent took the live contact but no request from " + customer + " exists; the core"
                        + " expected ChannelRequests.reserveAgentForLiveContact, then connectedLive(reservation,"
                        + " message) when the agent answered");
        assertEquals(KitPlatform.AGENT, requests.get(0).get("assignedTo"), "The live contact's request is "
                + requests.get(0).get("status") + " with " + requests.get(0).get("assignedTo") + "; the core"
                + " expected it assigned to the agent who took the contact");
    }

    // --- Steps the tests share

    /** The customer's request, once the channel has stored it. */
    private Map<String, Object> arrived(String customer) {
        return eventually(driver.patience(), () -> platform.requestsFrom(customer), found -> !found.isEmpty(),
                found -> "The provider delivered a message from " + customer + " and the " + channel + " channel"
                        + " stored no request (it holds " + platform.requests().size() + " from others); the core"
                        + " expected ChannelRequests.take(InboundMessage.from(\"" + channel + "\", \"" + customer
                        + "\")…)").get(0);
    }

    /**
     * Something the channel should refuse or drop has been sent: a genuine message from another customer follows, and
     * once it is stored the channel has dealt with everything sent before it (in order, for a polling channel too).
     */
    private void afterTheProviderSpokeAgain() throws Exception {
        String witness = driver.customer(9);
        driver.send(witness, "A genuine message " + token(), messageId());
        arrived(witness);
    }

    /** A request from the customer, assigned to the kit's agent and answered with {@code answer}. */
    private Object answered(String customer, String answer) throws Exception {
        driver.send(customer, "Please help me " + token(), messageId());
        Object id = arrived(customer).get("id");
        KitPlatform.availableAgent();
        eventually(driver.patience(), () -> platform.view(id), view -> KitPlatform.AGENT.equals(
                view.getString("assignedTo")), view -> "The request " + view.getString("reference") + " stayed "
                + view.getString("status") + " and never reached the idle agent; the core expected it QUEUED");
        KitPlatform.reply(id, answer);
        return id;
    }

    private JsonPath delivery(Object id, Predicate<String> status, String expected) {
        return deliveryWhere(id, view -> status.test(view.getString("deliveries[0].status")), expected);
    }

    private JsonPath deliveryWhere(Object id, Predicate<JsonPath> done, String expected) {
        return eventually(driver.patience(), () -> platform.view(id),
                view -> !view.getList("deliveries").isEmpty() && done.test(view),
                view -> "The reply's delivery on " + channel + " is " + (view.getList("deliveries").isEmpty()
                        ? "missing" : view.getString("deliveries[0].status") + " after "
                        + view.getString("deliveries[0].attempts") + " attempts (" + view.getString(
                        "deliveries[0].error") + ")") + "; the core expected " + expected);
    }

    private static List<Object> failedFor(JsonPath view) {
        return view.getList("deliveries").stream().map(d -> (Map<?, ?>) d)
                .filter(d -> "FAILED".equals(d.get("status"))).map(d -> d.get("error")).map(Object.class::cast)
                .toList();
    }

    private static List<Object> references(List<Map<String, Object>> requests) {
        return requests.stream().map(request -> request.get("reference")).toList();
    }

    private static String messageId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A word no other test wrote, so a text is recognised as this test's. */
    private static String token() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
