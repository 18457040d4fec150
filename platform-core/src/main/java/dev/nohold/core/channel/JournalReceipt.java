package dev.nohold.core.channel;

import dev.nohold.core.channel.limits.Admission;

import java.util.UUID;

/**
 * The core's answer to a text written to the intake journal ({@link ChannelRequests#journal}): durable already, and
 * a request (or a part of one) moments later.
 *
 * @param reference the reference the customer is told: a new request's, or that of the request this text joins
 * @param requestId the id of that request (the one this text will make, or the one it joins); null only for a text
 *                  joining one written by an earlier version
 * @param status    the request's status as this text is taken: QUEUED for a new one, the joined one's otherwise (for
 *                  a repeat: as the first text was taken, once it is)
 * @param joined    the text joins the customer's open (or lately answered, or still being taken) request
 * @param repeated  the provider sent this message before: the answer is the first one's, and nothing was written
 * @param place     where the customer stands in line, estimated from this node's copy of it
 * @param admission whether the customer address's rate limit let the text in; when not, nothing was written and the
 *                  other fields are empty
 */
public record JournalReceipt(String reference, UUID requestId, String status, boolean joined, boolean repeated,
                             PlaceInLine place, Admission admission) {

    /** Over the customer address's rate limit: nothing was written. */
    static JournalReceipt refused(Admission admission) {
        return new JournalReceipt(null, null, null, false, false, null, admission);
    }
}
