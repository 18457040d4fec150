package dev.nohold.channel.sms;

import dev.nohold.core.session.MovableClock;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent's recorded reply to a texter goes out as an SMS with the reply's text and a signed link that plays the
 * recording in the phone's browser, without a login; a tampered link is refused and an expired one is gone.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
class RecordedRepliesGoOutAsSignedLinksTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(SignedWebhooks.PUBLIC_URL)
            + "(/media/replies/[0-9a-f-]{36}\\?expires=(\\d+)&signature=([A-Za-z0-9_-]+))");

    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSmsCarriesTheTextAndALinkThatPlaysTheRecordingTamperedRefusedExpiredGone() throws IOException {
        Matcher link = replyWithRecording("SM2000000000000000000000000000001", "Here is how to reset it.");
        String body = TwilioStandIn.messagesSent().get(0).field("Body");
        assertTrue(body.startsWith("Here is how to reset it.\n\nListen to our answer: "), body);
        String path = link.group(1);

        byte[] played = given().get(path).then().statusCode(200)
                .contentType("audio/wav")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertEquals("RIFF", new String(played, 0, 4), "a browser's WebM comes as WAV, which every phone plays");

        String signature = link.group(3);
        String other = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        given().get(path.replace(signature, other)).then().statusCode(403)
                .body("error", containsString("not valid"));
        long expires = Long.parseLong(link.group(2));
        given().get(path.replace("expires=" + expires, "expires=" + (expires + 86_400))).then().statusCode(403);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        given().get(path).then().statusCode(410).body("error", containsString("expired"));
    }

    @Test
    void aRecordingWithoutTextGoesOutAsTheLinkAlone() throws IOException {
        replyWithRecording("SM2000000000000000000000000000002", null);

        String body = TwilioStandIn.messagesSent().get(0).field("Body");
        assertTrue(body.matches("Listen to our answer: " + LINK.pattern()), body);
    }

    /** A texted question, answered by an agent with a browser's WebM recording and {@code text}; the link sent. */
    private Matcher replyWithRecording(String messageSid, String text) throws IOException {
        String id = SmsTesting.idOf(SmsTesting.reference(SignedWebhooks.text(messageSid, "How do I reset it?")));
        SmsTesting.assignTo("alice", id);
        var reply = as("alice").multiPart("audio", "reply.webm", webm(), "audio/webm");
        if (text != null) {
            reply.multiPart("text", text);
        }
        reply.post("/api/requests/" + id + "/reply").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> TwilioStandIn.messagesSent().size() == 1);
        as("admin").get("/api/requests/" + id).then().body("status", equalTo("ANSWERED"));
        Matcher link = LINK.matcher(TwilioStandIn.messagesSent().get(0).field("Body"));
        assertTrue(link.find(), "a signed link in " + TwilioStandIn.messagesSent().get(0).field("Body"));
        return link;
    }

    private static byte[] webm() throws IOException {
        try (InputStream in = RecordedRepliesGoOutAsSignedLinksTest.class
                .getResourceAsStream("/speech/compressed/chrome-opus.webm")) {
            return in.readAllBytes();
        }
    }
}
