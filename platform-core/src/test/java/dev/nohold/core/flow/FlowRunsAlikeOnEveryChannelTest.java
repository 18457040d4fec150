package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One flow, simulated on SMS, voice, web chat and e-mail with the same inputs, collects the same values and hands
 * off the same way; each channel shows the steps its own way, and bad input is asked again.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowRunsAlikeOnEveryChannelTest extends FlowTestBase {

    private static final List<String> INPUTS = List.of("billing", "12ab", "123456");
    private static final String OPENING_HOURS = "2026-12-02T10:00:00+01:00";

    @Test
    void everyChannelCollectsTheSameAndHandsOffTheSame() {
        Map<String, Object> expected = Map.of("topic", "billing", "skill", "billing", "account", "123456");
        for (String channel : List.of("sms", "voice", "webchat", "email")) {
            JsonPath run = simulate(channel, INPUTS, OPENING_HOURS);
            assertEquals("handoff", run.getString("outcome"), channel);
            Map<String, Object> collected = run.getMap("collected");
            expected.forEach((name, value) -> assertEquals(value, collected.get(name), channel + " " + name));
            assertEquals(4, run.getList("steps").size(), channel);
            assertNull(run.get("steps[0].input"), channel);
            assertEquals("Thank you. We are passing you to one of our agents.", run.getString("steps[3].output")
                    .lines().reduce((a, b) -> b).orElseThrow().replaceAll(".*(Thank you)", "$1"), channel);
        }
    }

    @Test
    void eachChannelRendersTheMenuItsOwnWay() {
        String sms = simulate("sms", INPUTS, OPENING_HOURS).getString("steps[0].output");
        assertTrue(sms.contains("1 Billing\n2 A question"), sms);

        JsonPath voice = simulate("voice", INPUTS, OPENING_HOURS);
        assertTrue(voice.getString("steps[0].output").contains("For Billing, press 1 or say Billing."));
        assertEquals(true, voice.getBoolean("steps[0].voice.gather"));
        assertEquals("dtmf speech", voice.getString("steps[0].voice.input"));
        assertEquals(1, voice.getInt("steps[0].voice.numDigits"));
        assertTrue(voice.getList("steps[0].voice.hints").contains("invoice"));
        assertEquals(false, voice.getBoolean("steps[3].voice.gather"));

        JsonPath chat = simulate("webchat", INPUTS, OPENING_HOURS);
        assertEquals(List.of("Billing", "A question"), chat.getList("steps[0].quickReplies"));

        String mail = simulate("email", INPUTS, OPENING_HOURS).getString("steps[0].output");
        assertTrue(mail.contains("Reply to this e-mail with one of:\n- Billing\n- A question"), mail);
    }

    @Test
    void anAccountNumberThatIsNotSixDigitsIsAskedAgain() {
        JsonPath run = simulate("sms", INPUTS, OPENING_HOURS);

        assertEquals("12ab", run.getString("steps[2].input"));
        assertEquals("An account number has exactly six digits, like 123456.\n"
                + "What is your account number? It has six digits.", run.getString("steps[2].output"));
    }

    @Test
    void threeBadAccountNumbersGoToAnAgentWithoutOne() {
        JsonPath run = simulate("sms", List.of("1", "12", "abc", "99"), OPENING_HOURS);

        assertEquals("handoff", run.getString("outcome"));
        assertNull(run.getMap("collected").get("account"));
        org.hamcrest.MatcherAssert.assertThat(run.getList("notes"),
                hasItem("Step 'account' gave up after 3 unusable answers"));
    }

    @Test
    void outsideBusinessHoursTheRequestIsTakenForTheNextDay() {
        JsonPath run = simulate("sms", List.of("1", "123456"), "2026-12-05T22:00:00+01:00");

        assertEquals("handoff", run.getString("outcome"));
        assertEquals("next-business-day", run.getString("collected.callback"));
        assertTrue(run.getString("steps[2].output").startsWith("Our billing team is in from 9:00"));
    }

    @Test
    void theDefaultFlowsAreListedActive() {
        Fixtures.as("sam").get("/api/flows").then().statusCode(200)
                .body("id", containsInAnyOrder("account-line", "answers"))
                .body("active", containsInAnyOrder(true, true));
    }

    private static JsonPath simulate(String channel, List<String> inputs, String at) {
        return Fixtures.as("sam").contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "inputs", inputs, "at", at))
                .post("/api/flows/account-line/simulate")
                .then().statusCode(200).extract().jsonPath();
    }
}
