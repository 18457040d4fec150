package dev.nohold.channel.voice;

import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The voice channel held to the conformance kit, with Twilio played by {@link TwilioStandIn}: a caller's message is a
 * recording (transcribed by the core), an answer a callback call, a live call a dial to the idle agent's phone, and
 * the fallback the {@code sms} stand-in.
 */
@QuarkusTest
class VoiceChannelConformanceTest extends ChannelConformanceKit {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected ChannelDriver driver() {
        return new TwilioVoiceDriver(dataSource);
    }

    /** Twilio Voice as the channel meets it: signed webhooks of calls and recordings in, the Calls resource out. */
    record TwilioVoiceDriver(AgroalDataSource dataSource) implements ChannelDriver {

        private static final Pattern RESERVATION = Pattern.compile("reservation=([0-9a-f-]{36})");
        /** The dial TwiML of each live call, by its sid: where the agent's leg will say they answered. */
        private static final Map<String, String> DIALS = new ConcurrentHashMap<>();

        @Override
        public String channelId() {
            return IncomingCalls.CHANNEL;
        }

        @Override
        public String customer(int n) {
            return "+1555868" + String.format("%04d", n);
        }

        @Override
        public boolean sendsText() {
            return false;
        }

        /** A recording is fetched and transcribed before an agent can have it. */
        @Override
        public Duration patience() {
            return Duration.ofSeconds(60);
        }

        @Override
        public void send(String customer, String text, String messageId) {
            VoiceWebhooks.post(VoicePaths.INCOMING, call(customer, messageId)).then().statusCode(200);
            VoiceWebhooks.post(VoicePaths.RECORDED, recording(customer, messageId)).then().statusCode(200);
        }

        @Override
        public void resend(String customer, String text, String messageId) {
            VoiceWebhooks.post(VoicePaths.RECORDED, recording(customer, messageId)).then().statusCode(200);
        }

        @Override
        public void sendForged(String customer, String text, String messageId) {
            given().formParams(recording(customer, messageId))
                    .header("X-Twilio-Signature", "bm90IFR3aWxpbydzIHNpZ25hdHVyZQ==")
                    .post(VoicePaths.RECORDED).then().statusCode(403);
        }

        @Override
        public void sendMalformed(String customer, String messageId) {
            Map<String, String> withoutCall = recording(customer, messageId);
            withoutCall.remove("CallSid");
            VoiceWebhooks.post(VoicePaths.RECORDED, withoutCall).then().statusCode(400);
        }

        @Override
        public List<Delivered> delivered() {
            return TwilioStandIn.callsPlaced().stream().filter(call -> call.sid() != null)
                    .map(call -> new Delivered(call.field("To"), call.field("Twiml"), call.sid())).toList();
        }

        @Override
        public String failNextDelivery(ProviderFailure failure) {
            if (failure == ProviderFailure.RETRYABLE) {
                TwilioStandIn.answerNextCall(503, "{\"code\":20503,\"message\":\"Service Unavailable\","
                        + "\"status\":503}");
                return "503";
            }
            TwilioStandIn.answerNextCall(400, """
                    {"code": 13224, "message": "The phone number you are attempting to call is not valid.",
                     "more_info": "https://www.twilio.com/docs/errors/13224", "status": 400}""");
            return "13224";
        }

        /** The callee picked up and heard the answer: Twilio's status callback says so. */
        @Override
        public boolean confirmDelivered(String providerId) {
            VoiceWebhooks.callbackStatus(providerId, "completed", "human").then().statusCode(204);
            return true;
        }

        @Override
        public void reset() {
            VoiceWebhooks.reset(dataSource);
            DIALS.clear();
        }

        @Override
        public void contactLive(String customer, String contactId) {
            DIALS.put(contactId, VoiceWebhooks.post(VoicePaths.INCOMING, call(customer, contactId))
                    .then().statusCode(200).extract().asString());
        }

        @Override
        public void agentTookLiveContact(String customer, String contactId) {
            String dial = DIALS.getOrDefault(contactId, "");
            Matcher reservation = RESERVATION.matcher(dial);
            if (!reservation.find()) {
                throw new AssertionError("The idle agent was not dialled: the call was answered with " + dial);
            }
            VoiceWebhooks.post(VoicePaths.AGENT_ANSWERED + "?reservation=" + reservation.group(1),
                    call(customer, contactId)).then().statusCode(200);
        }

        private static Map<String, String> call(String customer, String messageId) {
            Map<String, String> form = VoiceWebhooks.call("CA" + messageId);
            form.put("From", customer);
            return form;
        }

        private static Map<String, String> recording(String customer, String messageId) {
            Map<String, String> form = call(customer, messageId);
            form.put("RecordingSid", "RE" + messageId);
            form.put("RecordingUrl", TwilioStandIn.recordingUrl("RE" + messageId));
            form.put("RecordingDuration", "3");
            return form;
        }
    }
}
