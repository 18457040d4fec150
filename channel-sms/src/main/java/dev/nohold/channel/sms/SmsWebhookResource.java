package dev.nohold.channel.sms;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.limits.Admission;
import dev.nohold.core.channel.limits.IntakeLimits;
import dev.nohold.twilio.TwilioSigned;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * Twilio's Messaging webhooks: an incoming SMS (answered with TwiML once the request is stored) and the status
 * callbacks of the messages we sent. Nothing is read from a call whose {@code X-Twilio-Signature} does not match
 * ({@link TwilioSigned}).
 *
 * <p>A number texting faster than {@code nohold.limits.per-address} is not answered 429: Twilio's webhooks do not
 * support rate limiting (a 4xx is its error 11217, logged on the account, the fallback URL called, the text dropped).
 * So the first text over the limit gets 200 and one "slow down" message, later ones an empty TwiML answer (silence),
 * both with {@code Retry-After} for anyone reading the exchange, until the window ends.
 */
@Path("/channels/sms/twilio")
@TwilioSigned
@Tag(name = "channels")
public class SmsWebhookResource {

    private static final Logger LOG = Logger.getLogger(SmsWebhookResource.class);

    private final SmsIntake inbound;
    private final SmsStatusCallbacks statuses;
    private final IntakeLimits limits;
    private final SmsConfig.Prompts prompts;

    public SmsWebhookResource(SmsIntake inbound, SmsStatusCallbacks statuses, IntakeLimits limits, SmsConfig config) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.limits = limits;
        this.prompts = config.prompts();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response incoming(MultivaluedMap<String, String> form) {
        InboundSms sms = InboundSms.of(form);
        if (inbound.isForTheJournal(sms)) {
            // The fast path counts the rate limit in the same statement that stores the text.
            SmsIntake.Answer answer = inbound.question(sms);
            return answer.admission().admitted() ? Response.ok(twiml(answer.text())).build()
                    : slowDown(sms, answer.admission());
        }
        Admission admission = limits.admit(SmsInbound.CHANNEL, sms.from(), null);
        if (!admission.admitted()) {
            return slowDown(sms, admission);
        }
        return Response.ok(twiml(inbound.take(sms))).build();
    }

    private Response slowDown(InboundSms sms, Admission admission) {
        Optional<String> answer = Optional.empty();
        if (admission.firstRefusal()) {
            LOG.infof("Texts from %s over the limit: told to slow down, later ones ignored for %d s",
                    Masked.phone(sms.from()), admission.retryAfterSeconds());
            answer = Optional.of(Prompts.fill(prompts.slowDown(),
                    Map.of("seconds", Long.toString(admission.retryAfterSeconds()))));
        }
        return Response.ok(twiml(answer)).header("Retry-After", admission.retryAfterSeconds()).build();
    }

    private static String twiml(Optional<String> answer) {
        return MessageTwiml.of(answer);
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
