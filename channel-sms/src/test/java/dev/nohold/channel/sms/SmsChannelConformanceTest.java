package dev.nohold.channel.sms;

import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The SMS channel held to the conformance kit, with Twilio played by {@link TwilioStandIn}. */
@QuarkusTest
class SmsChannelConformanceTest extends ChannelConformanceKit {

    @Inject
    DataSource dataSource;

    @Override
    protected ChannelDriver driver() {
        return new TwilioMessagingDriver(dataSource);
    }

    /** Twilio Messaging as the SMS channel meets it: signed form posts in, the Messages resource out. */
    record TwilioMessagingDriver(DataSource dataSource) implements ChannelDriver {

        private static final String INBOUND = "/channels/sms/twilio";

        @Override
        public String channelId() {
            return "sms";
        }

        @Override
        public String customer(int n) {
            return "+1555867" + String.format("%04d", n);
        }

        @Override
        public void send(String customer, String text, String messageId) {
            SignedWebhooks.text("SM" + messageId, customer, text).then().statusCode(200);
        }

        @Override
        public void sendForged(String customer, String text, String messageId) {
            given().formParams(form(customer, text, messageId))
                    .header("X-Twilio-Signature", "bm90IFR3aWxpbydzIHNpZ25hdHVyZQ==")
                    .post(INBOUND).then().statusCode(403);
        }

        @Override
        public void sendMalformed(String customer, String messageId) {
            Map<String, String> withoutBody = form(customer, "ignored", messageId);
            withoutBody.remove("Body");
            SignedWebhooks.post(INBOUND, withoutBody).then().statusCode(400);
        }

        @Override
        public List<Delivered> delivered() {
            return TwilioStandIn.messagesSent().stream().filter(call -> call.sid() != null)
                    .map(call -> new Delivered(call.field("To"), call.field("Body"), call.sid())).toList();
        }

        @Override
        public String failNextDelivery(ProviderFailure failure) {
            if (failure == ProviderFailure.RETRYABLE) {
                TwilioStandIn.answerNext(503, "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}");
                return "503";
            }
            TwilioStandIn.answerNext(400, """
                    {"code": 21211, "message": "The 'To' number is not a valid phone number.",
                     "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""");
            return "21211";
        }

        @Override
        public boolean confirmDelivered(String providerId) {
            SignedWebhooks.status(providerId, "delivered", null).then().statusCode(204);
            return true;
        }

        @Override
        public void reset() throws Exception {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("truncate sms_opt_out, sms_inbound, sms_outbound_part");
            }
            Arc.container().instance(OptOuts.class).get().reread();
            TwilioStandIn.reset();
        }

        private static Map<String, String> form(String customer, String text, String messageId) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("MessageSid", "SM" + messageId);
            form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
            form.put("From", customer);
            form.put("To", TwilioStandIn.OUR_NUMBER);
            form.put("Body", text);
            return form;
        }
    }
}
