package dev.nohold.channel.sms;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.PlaceInLine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * Tells a texter, honestly, how long they will wait, in this channel's words: the core counts their place in line
 * and the pace agents took requests during the last {@code nohold.sms.throughput-window}. With agents free right
 * now the answer is "in a moment"; with no pace to go by the texter is told so rather than given a number made up.
 */
@ApplicationScoped
public class WaitEstimates {

    private final ChannelRequests requests;
    private final SmsConfig config;

    public WaitEstimates(ChannelRequests requests, SmsConfig config) {
        this.requests = requests;
        this.config = config;
    }

    /** The sentence that fills a prompt's {@code {wait}} for this request. */
    public String describe(UUID requestId) {
        return describe(requests.placeOf(requestId, config.throughputWindow()));
    }

    /** The sentence for a place already known (the intake journal's receipt carries it). */
    public String describe(PlaceInLine place) {
        SmsConfig.Prompts prompts = config.prompts();
        if (place.withAgent()) {
            return prompts.withAgent();
        }
        String position = Long.toString(place.position());
        if (place.takenInAMoment()) {
            return Prompts.fill(prompts.waitNow(), Map.of("position", position));
        }
        if (place.minutes().isEmpty()) {
            return Prompts.fill(prompts.waitUnknown(), Map.of("position", position));
        }
        return Prompts.fill(prompts.waitKnown(),
                Map.of("position", position, "minutes", Long.toString(place.minutes().getAsLong())));
    }
}
