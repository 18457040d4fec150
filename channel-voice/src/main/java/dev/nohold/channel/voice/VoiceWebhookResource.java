package dev.nohold.channel.voice;

import dev.nohold.channel.sms.twilio.TwilioSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Twilio's Voice webhooks, each answered with TwiML, and the signed link Twilio plays an agent's recorded reply
 * from. Nothing is read from a webhook whose {@code X-Twilio-Signature} does not match (403, nothing stored).
 */
@Path(VoicePaths.INCOMING)
@Tag(name = "channels")
public class VoiceWebhookResource {

    private static final String XML = MediaType.APPLICATION_XML;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    private final TwilioSignature signature;
    private final IncomingCalls incoming;
    private final RecordedCalls recorded;
    private final VoiceStatusCallbacks statuses;
    private final ChatLinkTexts chatLinks;
    private final ReplyAudioLinks audioLinks;
    private final VoiceTwiml twiml;

    public VoiceWebhookResource(TwilioSignature signature, IncomingCalls incoming, RecordedCalls recorded,
                                VoiceStatusCallbacks statuses, ChatLinkTexts chatLinks, ReplyAudioLinks audioLinks,
                                VoiceTwiml twiml) {
        this.signature = signature;
        this.incoming = incoming;
        this.recorded = recorded;
        this.statuses = statuses;
        this.chatLinks = chatLinks;
        this.audioLinks = audioLinks;
        this.twiml = twiml;
    }

    @POST
    @Consumes(FORM)
    @Produces(XML)
    public String incoming(MultivaluedMap<String, String> form, @Context UriInfo uri,
                           @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        return incoming.answer(verified(form, uri, twilioSignature));
    }

    @POST
    @Path("/menu")
    @Consumes(FORM)
    @Produces(XML)
    public String menu(MultivaluedMap<String, String> form, @Context UriInfo uri,
                       @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        TwilioCall call = verified(form, uri, twilioSignature);
        String digits = form.getFirst("Digits");
        if ("2".equals(digits) && twiml.offersMenu() && chatLinks.send(call.from())) {
            return twiml.sayAndHangUp(twiml.chatLinkSent());
        }
        return "1".equals(digits) || "2".equals(digits) ? twiml.recordOnly() : twiml.menuAgain();
    }

    @POST
    @Path("/menu-again")
    @Consumes(FORM)
    @Produces(XML)
    public String menuAgain(MultivaluedMap<String, String> form, @Context UriInfo uri,
                            @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        verified(form, uri, twilioSignature);
        return twiml.takeMessage();
    }

    @POST
    @Path("/recorded")
    @Consumes(FORM)
    @Produces(XML)
    public String recorded(MultivaluedMap<String, String> form, @Context UriInfo uri,
                           @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        return twiml.thanks(recorded.take(verified(form, uri, twilioSignature)));
    }

    @POST
    @Path("/dialed")
    @Consumes(FORM)
    @Produces(XML)
    public String dialed(MultivaluedMap<String, String> form, @Context UriInfo uri,
                         @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        TwilioCall call = verified(form, uri, twilioSignature);
        return incoming.dialEnded(call.callSid(), form.getFirst("DialCallStatus"));
    }

    @POST
    @Path("/status")
    @Consumes(FORM)
    public Response status(MultivaluedMap<String, String> form, @Context UriInfo uri,
                           @HeaderParam(TwilioSignature.HEADER) String twilioSignature) {
        TwilioCall call = verified(form, uri, twilioSignature);
        statuses.report(call, form.getFirst("CallStatus"), form.getFirst("AnsweredBy"), form.getFirst("Direction"));
        return Response.noContent().build();
    }

    @GET
    @Path("/replies/{deliveryId}.wav")
    public Response replyAudio(@PathParam("deliveryId") UUID deliveryId, @QueryParam("expires") long expires,
                               @QueryParam("sig") String sig) {
        ReplyAudioLinks.Audio audio = audioLinks.open(deliveryId, expires, sig);
        return Response.ok(audio.bytes(), audio.mediaType()).build();
    }

    private TwilioCall verified(MultivaluedMap<String, String> form, UriInfo uri, String twilioSignature) {
        String query = uri.getRequestUri().getRawQuery();
        signature.verify(uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), form, twilioSignature);
        return TwilioCall.of(form);
    }
}
