package dev.nohold.core.channel;

import dev.nohold.core.speech.TelephoneAudio;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The door through which a telephone channel takes an agent's recorded reply: as {@link ChannelRequests#replyAudio}
 * gives it, but in a form a call can play (a browser's WebM or MP4 comes as WAV; see {@link TelephoneAudio}).
 */
@ApplicationScoped
public class CallReplyAudio {

    private final ChannelRequests requests;
    private final TelephoneAudio telephone;

    public CallReplyAudio(ChannelRequests requests, TelephoneAudio telephone) {
        this.requests = requests;
        this.telephone = telephone;
    }

    /** The audio of the reply this delivery carries, playable on a call; empty when it carries none. */
    public Optional<ReplyAudio> playable(UUID deliveryId) {
        return requests.replyAudio(deliveryId).map(telephone::playable);
    }
}
