package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.DeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Menu option 2: the caller gets a text with the web chat's link instead of leaving a voice message. It goes out
 * through the core to the {@code sms} channel, so that channel's rules hold (a number that texted STOP gets nothing)
 * and this module never names the SMS module.
 */
@ApplicationScoped
public class ChatLinkTexts {

    static final String TEXT_CHANNEL = "sms";
    private static final Logger LOG = Logger.getLogger(ChatLinkTexts.class);

    private final ChannelRequests requests;
    private final VoiceConfig config;

    public ChatLinkTexts(ChannelRequests requests, VoiceConfig config) {
        this.requests = requests;
        this.config = config;
    }

    /** Whether the text went out; when not, the caller is offered the recording instead. */
    public boolean send(String to) {
        String link = config.chatUrl().orElse(null);
        if (link == null) {
            return false;
        }
        try {
            requests.sendNotice(TEXT_CHANNEL, to, VoiceTwiml.fill(config.prompts().chatLinkText(), Map.of("link", link)));
            return true;
        } catch (DeliveryException e) {
            LOG.warnf("The chat link could not be texted to the caller: %s", e.getMessage());
            return false;
        }
    }
}
