package dev.nohold.channel.sms;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.JournalReceipt;
import dev.nohold.core.channel.limits.Admission;
import dev.nohold.core.flow.FlowConversations;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * The front of SMS intake. A plain question (no keyword, no voice message, not from an opted-out number), nearly
 * every text at a peak, goes to the core's intake journal: one statement stores it and says what to answer, and it
 * becomes or joins a request moments after the webhook is answered. Everything else, which must act before the
 * answer (STOP, CANCEL, a voice message to fetch, a text a conversation flow may answer), is taken whole by
 * {@link SmsInbound}.
 */
@ApplicationScoped
public class SmsIntake {

    private static final Logger LOG = Logger.getLogger(SmsIntake.class);

    private final SmsInbound inbound;
    private final ChannelRequests requests;
    private final OptOuts optOuts;
    private final WaitEstimates waits;
    private final SmsConfig config;
    private final FlowConversations flows;

    public SmsIntake(SmsInbound inbound, ChannelRequests requests, OptOuts optOuts, WaitEstimates waits,
                     SmsConfig config, FlowConversations flows) {
        this.inbound = inbound;
        this.flows = flows;
        this.requests = requests;
        this.optOuts = optOuts;
        this.waits = waits;
        this.config = config;
    }

    /**
     * A plain question (no keyword, no media, not blank, not from an opted-out number) that no conversation flow may
     * take (none serves the number it was sent to, and the texter has no conversation open): the customer's next
     * message in their conversation, taken by the {@link #question} fast path. Without a flow on SMS, knowing that
     * costs no statement (the core's view of the active flows, as the opt-outs here).
     */
    public boolean isForTheJournal(InboundSms sms) {
        return Keyword.of(sms.body()).isEmpty() && sms.voiceMessage().isEmpty() && sms.otherMedia().isEmpty()
                && !sms.body().isBlank() && !optOuts.isOptedOutOnIntake(sms.from())
                && !flows.mayTake(SmsInbound.CHANNEL, sms.from(), sms.to());
    }

    /**
     * Takes a question through the core's intake journal, its number's rate limit counted in the same statement:
     * the acknowledgement to send back, or the refusal of a number over its limit.
     */
    public Answer question(InboundSms sms) {
        JournalReceipt receipt = requests.journal(InboundMessage.from(SmsInbound.CHANNEL, sms.from())
                .text(sms.body())
                .providerMessageId(sms.messageSid(), sms.fingerprint())
                .attributes(sms.to() == null ? Map.of() : Map.of("to", sms.to()))
                .build(), config.throughputWindow());
        if (!receipt.admission().admitted()) {
            return new Answer(Optional.empty(), receipt.admission());
        }
        if (receipt.joined()) {
            LOG.infof("Text %s joins request %s", sms.messageSid(), receipt.reference());
        }
        SmsConfig.Prompts prompts = config.prompts();
        return new Answer(Optional.of(Prompts.fill(receipt.joined() ? prompts.joined() : prompts.received(),
                Map.of("reference", receipt.reference(), "wait", waits.describe(receipt.place())))),
                receipt.admission());
    }

    /** Anything else (STOP, CANCEL, a voice message to fetch…): taken whole before the webhook is answered. */
    public Optional<String> take(InboundSms sms) {
        return inbound.take(sms);
    }

    /** What to text back, if anything, and whether the number's rate limit let the text in. */
    public record Answer(Optional<String> text, Admission admission) {
    }
}
