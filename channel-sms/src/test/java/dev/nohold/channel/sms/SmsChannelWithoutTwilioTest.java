package dev.nohold.channel.sms;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The platform starts with the SMS channel but no Twilio account, and says what the channel lacks. */
@QuarkusTest
@TestProfile(SmsChannelWithoutTwilioTest.NoTwilioAccount.class)
class SmsChannelWithoutTwilioTest {

    /** The test account's settings emptied: for SmallRye an empty value is no value. */
    public static class NoTwilioAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nohold.twilio.account-sid", "", "nohold.twilio.auth-token", "",
                    "nohold.twilio.phone-number", "");
        }
    }

    @Test
    void theChannelIsListedAsNotConfiguredAndTheNodeIsReady() {
        as("admin").get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'sms' }.configured", equalTo(false))
                .body("find { it.id == 'sms' }.lastError",
                        equalTo("Not configured: nohold.twilio.account-sid is not set"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'channels' }.data.sms",
                        equalTo("Not configured: nohold.twilio.account-sid is not set"));
    }
}
