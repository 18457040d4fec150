package dev.nohold.app;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The voice channel never names the SMS channel, yet a caller who asks for the chat link is texted: through the core,
 * by the installed {@code sms} channel, whose rules hold (a number that texted STOP gets nothing). Only the assembled
 * platform has both channels. (These calls need no Camel route: a {@code @QuarkusTest} here does not run
 * {@code NoholdMain}, which is what starts Camel's runtime.)
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TwilioStandIn.class, restrictToAnnotatedClass = false)
class VoiceReachesTheSmsChannelThroughTheCoreTest {

    private static final String PUBLIC_URL = "https://help.example.test";
    private static final String CALLER = "+15551230002";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() throws SQLException {
        Fixtures.reset(dataSource);
        try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.execute("delete from sms_opt_out");
        }
        TwilioStandIn.reset();
    }

    @Test
    void callerWhoPressesTwoIsTextedTheChatLink() {
        String twiml = menu("CAlink", "2").then().statusCode(200).extract().asString();

        assertTrue(twiml.contains("<Hangup"), twiml);
        assertEquals(1, TwilioStandIn.messagesSent().size());
        assertEquals(CALLER, TwilioStandIn.messagesSent().get(0).field("To"));
        assertTrue(TwilioStandIn.messagesSent().get(0).field("Body").contains(PUBLIC_URL + "/chat"));
    }

    @Test
    void callerWhoTextedStopIsNeverTextedTheChatLinkAndLeavesAMessageInstead() {
        Map<String, String> stop = form("MessageSid", "SM0000000000000000000000000000stop", "From", CALLER,
                "To", TwilioStandIn.OUR_NUMBER, "Body", "STOP");
        post("/channels/sms/twilio", stop).then().statusCode(200);

        String twiml = menu("CAstopped", "2").then().statusCode(200).extract().asString();

        assertTrue(twiml.contains("<Record"), twiml);
        assertEquals(0, TwilioStandIn.messagesSent().size());
    }

    private static Response menu(String callSid, String digits) {
        Map<String, String> pressed = call(callSid);
        pressed.put("Digits", digits);
        return post("/channels/voice/twilio/menu", pressed);
    }

    private static Map<String, String> call(String callSid) {
        return form("CallSid", callSid, "AccountSid", TwilioStandIn.ACCOUNT_SID, "From", CALLER,
                "To", TwilioStandIn.OUR_NUMBER, "Direction", "inbound");
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static Response post(String path, Map<String, String> form) {
        return given().formParams(form).header("X-Twilio-Signature", TwilioStandIn.signature(PUBLIC_URL + path, form))
                .post(path);
    }
}
