package dev.nohold.channel.voice;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.LiveContact;
import dev.nohold.core.channel.LiveNeeds;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.twilio.TwilioClients;
import dev.nohold.twilio.TwilioErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The voice channel: an answer goes back as a callback call through Twilio's Calls resource, whose TwiML says the
 * agent's text or plays their recorded voice. The call is only SENT when Twilio accepts it; its status callback
 * ({@link VoiceStatusCallbacks}) makes it DELIVERED, or puts it back to be called again later.
 */
@ApplicationScoped
public class VoiceChannel implements Channel {

    private static final Logger LOG = Logger.getLogger(VoiceChannel.class);

    private final TwilioClients twilio;
    private final NoholdConfig nohold;
    private final VoiceConfig config;
    private final VoiceTwiml twiml;
    private final ReplyAudioLinks audioLinks;

    public VoiceChannel(TwilioClients twilio, NoholdConfig nohold, VoiceConfig config, VoiceTwiml twiml,
                        ReplyAudioLinks audioLinks) {
        this.twilio = twilio;
        this.nohold = nohold;
        this.config = config;
        this.twiml = twiml;
        this.audioLinks = audioLinks;
    }

    @Override
    public String id() {
        return IncomingCalls.CHANNEL;
    }

    @Override
    public String displayName() {
        return "Voice";
    }

    @Override
    public String icon() {
        return "\uD83D\uDCDE";
    }

    /** Without the Twilio account the channel starts all the same and says what it lacks. */
    @Override
    public Optional<String> missingConfiguration() {
        return twilio.missing();
    }

    @Override
    public Optional<String> fallbackChannel() {
        return config.fallbackToSms() ? Optional.of("sms") : Optional.empty();
    }

    /** A caller may be bridged to an idle agent's phone, held for the ring time plus a margin. */
    @Override
    public Optional<LiveContact> liveContact() {
        return Optional.of(new LiveContact(LiveNeeds.aPhone(),
                Duration.ofSeconds(config.dialTimeoutSeconds()).plus(config.liveHoldMargin())));
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        boolean hasText = reply.text() != null && !reply.text().isBlank();
        if (!hasText && reply.audioUrl() == null) {
            throw DeliveryException.permanentFailure("The reply has neither text nor a recording to call back with");
        }
        String playUrl = reply.audioUrl() == null ? null : audioLinks.linkFor(reply.deliveryId());
        String document = twiml.callback(reply.reference(), reply.text(), playUrl, reply.language());
        try {
            CallCreator creator = Call.creator(new PhoneNumber(reply.to()), new PhoneNumber(twilio.phoneNumber()),
                            new Twiml(document))
                    .setStatusCallback(nohold.publicUrl().replaceAll("/+$", "") + VoicePaths.STATUS)
                    .setStatusCallbackEvent(List.of("completed"));
            machineDetection().ifPresent(creator::setMachineDetection);
            Call call = creator.create(twilio.rest());
            LOG.infof("Callback for request %s placed as %s (attempt %d)", reply.reference(), call.getSid(),
                    reply.attempt());
            return DeliveryResult.sent(call.getSid());
        } catch (ApiConnectionException e) {
            throw DeliveryException.transientFailure("Twilio could not be reached: " + e.getMessage(), e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            String reason = TwilioErrors.describe(e.getCode(), e.getMessage());
            if (status == null || status == 429 || status >= 500) {
                throw DeliveryException.transientFailure("Twilio answered " + status + ": " + reason, e);
            }
            throw DeliveryException.permanentFailure(reason);
        } catch (IllegalStateException e) {
            throw DeliveryException.permanentFailure(e.getMessage());
        }
    }

    // DetectMessageEnd waits for the beep, so a voicemail holds the whole answer; Enable decides at once (to retry).
    private Optional<String> machineDetection() {
        return switch (config.machines()) {
            case OFF -> Optional.empty();
            case VOICEMAIL -> Optional.of("DetectMessageEnd");
            case RETRY -> Optional.of("Enable");
        };
    }
}
