package dev.nohold.channel.voice;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.nohold.channel.sms.twilio.TwilioClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/** Menu option 2: the caller gets a text with the web chat's link instead of leaving a voice message. */
@ApplicationScoped
public class ChatLinkTexts {

    private static final Logger LOG = Logger.getLogger(ChatLinkTexts.class);

    private final TwilioClients twilio;
    private final VoiceConfig config;

    public ChatLinkTexts(TwilioClients twilio, VoiceConfig config) {
        this.twilio = twilio;
        this.config = config;
    }

    /** Whether the text went out; when not, the caller is offered the recording instead. */
    public boolean send(String to) {
        String link = config.chatUrl().orElse(null);
        if (link == null) {
            return false;
        }
        try {
            Message.creator(new PhoneNumber(to), new PhoneNumber(twilio.phoneNumber()),
                    VoiceTwiml.fill(config.prompts().chatLinkText(), Map.of("link", link))).create(twilio.rest());
            return true;
        } catch (ApiException | IllegalStateException e) {
            LOG.warnf("The chat link could not be texted to the caller: %s", e.getMessage());
            return false;
        }
    }
}
