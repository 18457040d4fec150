package dev.nohold.channel.voice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

/**
 * A number calling more often than {@code nohold.limits.per-address} (2 here) is rejected busy with TwiML that Twilio
 * accepts (200, never a 429, which Twilio would read as an application error), and a body larger than any Twilio sends
 * is refused unread with the contract's JSON error.
 */
@QuarkusTest
@TestProfile(VoiceCallerOverTheLimitHearsBusyTest.LowLimit.class)
class VoiceCallerOverTheLimitHearsBusyTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nohold.limits.per-address", "2", "nohold.limits.window", "24h");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    @Test
    void theThirdCallInTheWindowIsRejectedBusy() {
        VoiceWebhooks.incoming("CA10000000000000000000000000000001").then().statusCode(200)
                .body(containsString("<Record"));
        VoiceWebhooks.incoming("CA10000000000000000000000000000002").then().statusCode(200)
                .body(containsString("<Record"));
        VoiceWebhooks.incoming("CA10000000000000000000000000000003").then().statusCode(200)
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("<Reject reason=\"busy\"/>"), not(containsString("<Record")));
    }

    @Test
    void aBodyLargerThanTwilioSendsIs413Unread() {
        Map<String, String> form = VoiceWebhooks.call("CA10000000000000000000000000000004");
        form.put("Padding", "x".repeat(70_000));
        VoiceWebhooks.post(VoicePaths.INCOMING, form).then().statusCode(413).contentType(ContentType.JSON)
                .body("error", containsString("a voice webhook takes at most 65536"));
    }
}
