package dev.nohold.channel.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The template channel held to the conformance kit. The driver is the provider as the channel meets it: signed
 * posts in, its API out. Write yours for your provider; the kit's tests come with the base class.
 */
@QuarkusTest
class TemplateChannelConformanceTest extends ChannelConformanceKit {

    @Override
    protected ChannelDriver driver() {
        return new ProviderDriver();
    }

    static final class ProviderDriver implements ChannelDriver {

        private static final String SECRET = "test-provider-secret";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String channelId() {
            return TemplateChannel.ID;
        }

        @Override
        public String customer(int n) {
            return "customer-" + n;
        }

        @Override
        public void send(String customer, String text, String messageId) throws JsonProcessingException {
            byte[] body = JSON.writeValueAsBytes(Map.of("id", messageId, "from", customer, "text", text));
            post(body, TemplateIntake.sign(SECRET, body)).then().statusCode(200);
        }

        @Override
        public void sendForged(String customer, String text, String messageId) throws JsonProcessingException {
            byte[] body = JSON.writeValueAsBytes(Map.of("id", messageId, "from", customer, "text", text));
            post(body, TemplateIntake.sign("not-the-secret", body)).then().statusCode(403);
        }

        @Override
        public void sendMalformed(String customer, String messageId) throws JsonProcessingException {
            byte[] body = JSON.writeValueAsBytes(Map.of("id", messageId, "from", customer));
            post(body, TemplateIntake.sign(SECRET, body)).then().statusCode(400);
        }

        @Override
        public List<Delivered> delivered() {
            return ProviderStandIn.delivered();
        }

        @Override
        public String failNextDelivery(ProviderFailure failure) {
            ProviderStandIn.refuseNext(failure == ProviderFailure.RETRYABLE ? 503 : 422);
            return failure == ProviderFailure.RETRYABLE ? "HTTP 503" : "HTTP 422";
        }

        @Override
        public void reset() {
            ProviderStandIn.reset();
        }

        private static io.restassured.response.Response post(byte[] body, String signature) {
            return given().contentType("application/json").header(TemplateResource.SIGNATURE, signature).body(body)
                    .post("/channels/template/messages");
        }
    }
}
