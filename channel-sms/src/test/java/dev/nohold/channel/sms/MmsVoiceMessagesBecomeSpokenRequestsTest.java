package dev.nohold.channel.sms;

import com.sun.net.httpserver.HttpServer;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MMS voice message (AMR, as phones send it) becomes a spoken request: acknowledged at once, its audio fetched
 * from Twilio afterwards with the account's credentials, transcribed, kept and playable for the agent; a media URL on
 * any other host is never fetched.
 */
@QuarkusTest
class MmsVoiceMessagesBecomeSpokenRequestsTest {

    private static final Duration SPEECH = Duration.ofSeconds(90);

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void anAmrVoiceMessageIsFetchedTranscribedAndPlayableWithItsTextKeptAndTwiliosRetryMakesNoSecondRequest()
            throws IOException {
        String sid = "MM1000000000000000000000000000001";
        String url = TwilioStandIn.mediaUrl(sid, "ME1000000000000000000000000000001");
        Response ack = SignedWebhooks.mms(sid, "Order 42", url, "audio/amr");
        ack.then().statusCode(200).body(containsString("Thanks, we have your request"));
        String id = SmsTesting.idOf(SmsTesting.reference(ack));

        await().atMost(SPEECH).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED"))
                .body("text", containsString("my order"))
                .body("text", containsString("Order 42"))
                .body("audioUrl", equalTo("/api/requests/" + id + "/audio"))
                .body("events.type", hasItem("TRANSCRIBED")));
        byte[] played = as("admin").get("/api/requests/" + id + "/audio").then().statusCode(200)
                .contentType("audio/amr").extract().asByteArray();
        assertArrayEquals(TwilioStandIn.mmsVoiceMessage(), played);
        assertEquals(1, TwilioStandIn.mediaFetches().size());
        assertTrue(TwilioStandIn.mediaFetches().get(0).authorized(), "fetched with the account's credentials");

        Response retry = SignedWebhooks.mms(sid, "Order 42", url, "audio/amr");
        assertEquals(SmsTesting.reference(ack), SmsTesting.reference(retry));
        as("admin").get("/api/requests?channel=sms").then().body("size()", equalTo(1));
        assertEquals(1, TwilioStandIn.mediaFetches().size(), "the retry fetches nothing again");
    }

    @Test
    void aVoiceMessageTwilioRedirectsToItsCdnIsFollowedWithoutTheCredentials() {
        String sid = "MM1000000000000000000000000000002";
        Response ack = SignedWebhooks.mms(sid, "",
                TwilioStandIn.mediaUrl(sid, "MEviaCdn000000000000000000000002"), "audio/amr");
        String id = SmsTesting.idOf(SmsTesting.reference(ack));

        await().atMost(SPEECH).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED"))
                .body("text", containsString("my order")));
        assertEquals(2, TwilioStandIn.mediaFetches().size(), "the API's redirect, then the CDN");
        assertFalse(TwilioStandIn.mediaFetches().get(1).authorized(), "the credentials stay with Twilio's API host");
    }

    @Test
    void aMediaUrlOnAnotherHostIsNeverFetchedAndTheRequestIsQueuedWithTheReason() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            String foreign = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + TwilioStandIn.ACCOUNT
                    + "/Messages/MM3/Media/ME3";
            Response ack = SignedWebhooks.mms("MM1000000000000000000000000000003", "", foreign, "audio/amr");
            String id = SmsTesting.idOf(SmsTesting.reference(ack));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                    .body("status", equalTo("QUEUED"))
                    .body("audioUrl", nullValue())
                    .body("events.find { it.type == 'AUDIO_UNAVAILABLE' }.detail",
                            containsString("not on the Twilio API host")));
            assertEquals(0, hits.get(), "nothing was sent to the other host");
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aVoiceMessageLargerThanTheCapIsNotTakenAndTheRequestSaysWhy() {
        String sid = "MM1000000000000000000000000000004";
        Response ack = SignedWebhooks.mms(sid, "", TwilioStandIn.mediaUrl(sid, "MEtooLarge00000000000000000000004"),
                "audio/amr");
        String id = SmsTesting.idOf(SmsTesting.reference(ack));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED"))
                .body("audioUrl", nullValue())
                .body("events.find { it.type == 'AUDIO_UNAVAILABLE' }.detail", containsString("larger than")));
        assertEquals(1, TwilioStandIn.mediaFetches().size(), "too large is not worth asking again");
    }

    @Test
    void aPictureWithTextMakesATextRequestThatNotesThePictureWithoutFetchingIt() {
        String sid = "MM1000000000000000000000000000005";
        Response ack = SignedWebhooks.mms(sid, "This is the broken part",
                TwilioStandIn.mediaUrl(sid, "ME5"), "image/jpeg");
        String id = SmsTesting.idOf(SmsTesting.reference(ack));

        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED"))
                .body("text", equalTo("This is the broken part"))
                .body("audioUrl", nullValue())
                .body("events.find { it.type == 'MEDIA_NOT_KEPT' }.detail", containsString("image/jpeg"))
                .body("events.type", not(hasItem("AWAITING_AUDIO")));
        assertEquals(0, TwilioStandIn.mediaFetches().size());
    }
}
