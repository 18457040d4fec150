package dev.nohold.channel.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import dev.nohold.core.Refusal;
import dev.nohold.twilio.TwilioSigned;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * Twilio's Messaging webhooks: an incoming SMS (answered with TwiML once the request is stored) and the status
 * callbacks of the messages we sent. Nothing is read from a call whose {@code X-Twilio-Signature} does not match
 * ({@link TwilioSigned}).
 */
@Path("/channels/sms/twilio")
@TwilioSigned
@Tag(name = "channels")
public class SmsWebhookResource {

    private final SmsInbound inbound;
    private final SmsStatusCallbacks statuses;

    public SmsWebhookResource(SmsInbound inbound, SmsStatusCallbacks statuses) {
        this.inbound = inbound;
        this.statuses = statuses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String incoming(MultivaluedMap<String, String> form) {
        Optional<String> answer = inbound.take(InboundSms.of(form));
        MessagingResponse.Builder twiml = new MessagingResponse.Builder();
        answer.ifPresent(text -> twiml.message(new Message.Builder(text).build()));
        return twiml.build().toXml();
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(MultivaluedMap<String, String> form) {
        String sid = form.getFirst("MessageSid");
        if (sid == null || sid.isBlank()) {
            throw Refusal.badInput("The field MessageSid is missing; this webhook takes Twilio's status callbacks");
        }
        statuses.report(sid.strip(), form.getFirst("MessageStatus"), form.getFirst("ErrorCode"));
        return Response.noContent().build();
    }
}
