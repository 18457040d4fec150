package dev.nohold.channel.voice;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ReplyAudio;
import dev.nohold.core.channel.limits.Admission;
import dev.nohold.core.channel.limits.IntakeLimits;
import dev.nohold.twilio.TwilioSigned;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Twilio's Voice webhooks, each answered with TwiML, and the signed link Twilio plays an agent's recorded reply
 * from. Nothing is read from a webhook whose {@code X-Twilio-Signature} does not match ({@link TwilioSigned}: 403,
 * nothing stored). A number calling more often than {@code nohold.limits.per-address} per window hears a busy tone
 * ({@link VoiceTwiml#busy()}, with {@code Retry-After}) until the window ends.
 */
@Path(VoicePaths.INCOMING)
@Tag(name = "channels")
public class VoiceWebhookResource {

    private static final String XML = MediaType.APPLICATION_XML;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    private final IncomingCalls incoming;
    private final FlowCalls flowCalls;
    private final FlowRecordings flowRecordings;
    private final RecordedCalls recorded;
    private final VoiceStatusCallbacks statuses;
    private final ChatLinkTexts chatLinks;
    private final ReplyAudioLinks audioLinks;
    private final VoiceTwiml twiml;
    private final IntakeLimits limits;

    public VoiceWebhookResource(IncomingCalls incoming, FlowCalls flowCalls, FlowRecordings flowRecordings,
                                RecordedCalls recorded, VoiceStatusCallbacks statuses, ChatLinkTexts chatLinks,
                                ReplyAudioLinks audioLinks, VoiceTwiml twiml, IntakeLimits limits) {
        this.incoming = incoming;
        this.flowCalls = flowCalls;
        this.flowRecordings = flowRecordings;
        this.recorded = recorded;
        this.statuses = statuses;
        this.chatLinks = chatLinks;
        this.audioLinks = audioLinks;
        this.twiml = twiml;
        this.limits = limits;
    }

    @POST
    @TwilioSigned
    @Consumes(FORM)
    @Produces(XML)
    public Response incoming(MultivaluedMap<String, String> form) {
        TwilioCall call = TwilioCall.of(form);
        Admission admission = limits.admit(IncomingCalls.CHANNEL, call.from(), null);
        if (!admission.admitted()) {
            return Response.ok(twiml.busy()).header("Retry-After", admission.retryAfterSeconds()).build();
        }
        return Response.ok(incoming.answer(call)).build();
    }

    @POST
    @TwilioSigned
    @Path("/menu")
    @Consumes(FORM)
    @Produces(XML)
    public String menu(MultivaluedMap<String, String> form) {
        TwilioCall call = TwilioCall.of(form);
        String digits = form.getFirst("Digits");
        if ("2".equals(digits) && twiml.offersMenu() && chatLinks.send(call.from())) {
            return twiml.sayAndHangUp(twiml.chatLinkSent());
        }
        return "1".equals(digits) || "2".equals(digits) ? twiml.recordOnly() : twiml.menuAgain();
    }

    @POST
    @TwilioSigned
    @Path("/menu-again")
    @Consumes(FORM)
    @Produces(XML)
    public String menuAgain(MultivaluedMap<String, String> form) {
        TwilioCall.of(form);
        return twiml.takeMessage();
    }

    /** A conversation flow's {@code <Gather>}: the caller's keys or words for turn {@code turn}, or nothing heard. */
    @POST
    @TwilioSigned
    @Path("/flow-turn")
    @Consumes(FORM)
    @Produces(XML)
    public String flowTurn(@QueryParam("turn") int turn, @QueryParam("silence") int silence,
                           MultivaluedMap<String, String> form) {
        return flowCalls.turn(TwilioCall.of(form), turn, silence, form.getFirst("Digits"),
                form.getFirst("SpeechResult"));
    }

    /** A conversation flow's {@code <Record>}: the caller's spoken answer to turn {@code turn}, to be transcribed here. */
    @POST
    @TwilioSigned
    @Path("/flow-recorded")
    @Consumes(FORM)
    @Produces(XML)
    public String flowRecorded(@QueryParam("turn") int turn, @QueryParam("silence") int silence,
                               MultivaluedMap<String, String> form) {
        return flowRecordings.heard(TwilioCall.of(form), turn, silence);
    }

    @POST
    @TwilioSigned
    @Path("/recorded")
    @Consumes(FORM)
    @Produces(XML)
    public String recorded(MultivaluedMap<String, String> form) {
        return twiml.thanks(recorded.take(TwilioCall.of(form)));
    }

    @POST
    @TwilioSigned
    @Path("/dialed")
    @Consumes(FORM)
    @Produces(XML)
    public String dialed(MultivaluedMap<String, String> form) {
        TwilioCall call = TwilioCall.of(form);
        return incoming.dialEnded(call.callSid(), form.getFirst("DialCallStatus"));
    }

    @POST
    @TwilioSigned
    @Path("/agent-answered")
    @Consumes(FORM)
    @Produces(XML)
    public String agentAnswered(@QueryParam("reservation") UUID reservation) {
        if (reservation == null) {
            throw Refusal.badInput("The query parameter reservation is missing; Twilio calls this when an agent"
                    + " picks up a live call");
        }
        return incoming.agentAnswered(reservation);
    }

    @POST
    @TwilioSigned
    @Path("/status")
    @Consumes(FORM)
    public Response status(MultivaluedMap<String, String> form) {
        TwilioCall call = TwilioCall.of(form);
        statuses.report(call, form.getFirst("CallStatus"), form.getFirst("AnsweredBy"), form.getFirst("Direction"));
        return Response.noContent().build();
    }

    @GET
    @Path("/replies/{deliveryId}.wav")
    public Response replyAudio(@PathParam("deliveryId") UUID deliveryId, @QueryParam("expires") long expires,
                               @QueryParam("sig") String sig) {
        ReplyAudio audio = audioLinks.open(deliveryId, expires, sig);
        return Response.ok(audio.bytes(), audio.mediaType()).build();
    }

}
