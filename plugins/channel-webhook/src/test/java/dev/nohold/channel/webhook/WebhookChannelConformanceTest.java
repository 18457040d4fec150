package dev.nohold.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import io.quarkus.test.junit.QuarkusTest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The webhook channel held to the conformance kit: a CRM posts signed JSON and receives answers on its callback. */
@QuarkusTest
class WebhookChannelConformanceTest extends ChannelConformanceKit {

    private static final String ANSWERS = "/answers/";
    private static CallbackReceiver receiver;

    @Override
    protected ChannelDriver driver() {
        return new CrmDriver();
    }

    /** A CRM calling the webhook; each customer's answers come back on a callback path of their own. */
    static final class CrmDriver implements ChannelDriver {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String channelId() {
            return WebhookChannel.ID;
        }

        @Override
        public String customer(int n) {
            return "crm-contact-" + n;
        }

        @Override
        public void send(String customer, String text, String messageId) {
            WebhookCalls.postSigned(WebhookCalls.body(customer, text, callbackOf(customer)), messageId)
                    .then().statusCode(201);
        }

        @Override
        public void sendForged(String customer, String text, String messageId) {
            byte[] body = WebhookCalls.body(customer, text, callbackOf(customer));
            WebhookCalls.post(body, new WebhookSignature("not-our-secret").sign(body), messageId)
                    .then().statusCode(403);
        }

        @Override
        public void sendMalformed(String customer, String messageId) {
            WebhookCalls.postSigned(WebhookCalls.bytes("{\"from\":\"" + customer + "\",\"callbackUrl\":\""
                    + callbackOf(customer) + "\"}"), messageId).then().statusCode(400);
        }

        @Override
        public List<Delivered> delivered() {
            return receiver().calls().stream().filter(call -> call.header(":path").startsWith(ANSWERS))
                    .map(CrmDriver::delivered).filter(Objects::nonNull).toList();
        }

        @Override
        public String failNextDelivery(ProviderFailure failure) {
            if (failure == ProviderFailure.RETRYABLE) {
                receiver().answering(503);
                return "HTTP 503";
            }
            receiver().answering(410);
            return "HTTP 410";
        }

        @Override
        public void reset() throws IOException {
            if (receiver != null) {
                receiver.close();
            }
            receiver = CallbackReceiver.start();
        }

        private static CallbackReceiver receiver() {
            return Objects.requireNonNull(receiver, "reset() starts the receiver");
        }

        private static String callbackOf(String customer) {
            return "http://127.0.0.1:" + receiver().port() + ANSWERS + customer;
        }

        /** A call to a customer's callback path: the answer the CRM got (or refused, when the test told it to). */
        private static Delivered delivered(CallbackReceiver.Call call) {
            try {
                JsonNode body = JSON.readTree(call.body());
                String customer = URLDecoder.decode(call.header(":path").substring(ANSWERS.length()),
                        StandardCharsets.UTF_8);
                return new Delivered(customer, body.path("text").asText(null), call.header("x-nohold-delivery"));
            } catch (IOException e) {
                return null;
            }
        }
    }
}
