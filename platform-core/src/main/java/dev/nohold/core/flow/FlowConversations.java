package dev.nohold.core.flow;

import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.database.AdvisoryLocks;
import dev.nohold.core.request.Lifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The core's door for channels to run flows: a channel hands over what a customer said and gets back what to show
 * them. The conversation is stored after every turn (any node takes the next one); on handoff the core makes the
 * request itself, through the usual intake, with what was collected as its attributes and the bot's transcript on
 * its timeline, so the channel only tells the customer (and may connect them live, as it does today).
 */
@ApplicationScoped
@Transactional
public class FlowConversations {

    private static final Logger LOG = Logger.getLogger(FlowConversations.class);

    private final FlowCatalog catalog;
    private final ChannelRequests requests;
    private final FlowWorlds worlds;
    private final Intake intake;
    private final Lifecycle lifecycle;
    private final EntityManager entityManager;
    private final Clock clock;

    public FlowConversations(FlowCatalog catalog, ChannelRequests requests, FlowWorlds worlds, Intake intake,
                             Lifecycle lifecycle, EntityManager entityManager, Clock clock) {
        this.catalog = catalog;
        this.requests = requests;
        this.worlds = worlds;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * A customer on {@code channel} at {@code address} said {@code input} (null: a call opened without words) at
     * {@code entryPoint} (the number they called or wrote to; null when the channel has one door). Continues their
     * open conversation, or starts the flow serving that channel and entry point.
     *
     * @return what to show them; empty when no active flow serves them, or they are in a conversation with people
     * (a request waiting, or answered within the reopen window): the channel then takes the message in as it always
     * has, and it joins or reopens that request
     */
    public Optional<FlowReply> receive(String channel, String address, String entryPoint, String input) {
        return receive(channel, address, entryPoint, input, null);
    }

    /**
     * As {@link #receive(String, String, String, String)} for {@code message}'s words, taken as the channel would
     * hand it to intake: if this turn hands the customer over, the request made carries its attributes (an e-mail's
     * subject and Message-ID, so the agent's answer joins the customer's thread; what the flow collected wins over a
     * value of the same name) and its provider message id, so a provider's retry of it makes nothing twice.
     */
    public Optional<FlowReply> receive(InboundMessage message, String entryPoint) {
        return receive(message.channel(), message.from(), entryPoint, message.text(), message);
    }

    /**
     * Whether {@link #receive} may take a message from {@code address} on {@code channel} at {@code entryPoint}, for
     * a channel's fast path to ask first: without a statement while no active flow serves the channel (this node's
     * view of the active flows, see {@link FlowCatalog#reach}), true while one serves that entry point, and otherwise
     * whether the customer has a conversation open. False: take the message in as always. True may still end in an
     * empty {@code receive} (the customer's request waits for people).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayTake(String channel, String address, String entryPoint) {
        return switch (catalog.reach(channel, entryPoint)) {
            case SERVES -> true;
            case OTHER_ENTRIES -> FlowConversation.count("channel = ?1 and address = ?2 and outcome is null", channel,
                    address) > 0;
            case NONE -> false;
        };
    }

    private Optional<FlowReply> receive(String channel, String address, String entryPoint, String input,
                                        InboundMessage asTaken) {
        AdvisoryLocks.holdUntilTransactionEnds(entityManager, "flow:" + channel + ":" + address);
        Optional<FlowConversation> open = FlowConversation.openOf(channel, address);
        FlowConversation conversation;
        Flow flow;
        if (open.isPresent()) {
            conversation = open.get();
            flow = catalog.version(conversation.flowId, conversation.flowVersion);
        } else {
            if (requests.inConversationWithPeople(channel, address)) {
                return Optional.empty();
            }
            Optional<Flow> serving = catalog.serving(channel, entryPoint);
            if (serving.isEmpty()) {
                return Optional.empty();
            }
            flow = serving.get();
            conversation = start(flow, channel, address, entryPoint);
        }
        FlowEngine.Turn turn = FlowEngine.next(flow, conversation.state(), input,
                worlds.of(channel, address, null));
        return Optional.of(keep(conversation, flow, turn, asTaken));
    }

    /** The customer's open conversation on this channel, as it stands. */
    public Optional<ConversationView> openOf(String channel, String address) {
        return FlowConversation.openOf(channel, address).map(ConversationView::of);
    }

    public Optional<ConversationView> find(UUID id) {
        return FlowConversation.<FlowConversation>findByIdOptional(id).map(ConversationView::of);
    }

    /** A conversation as the API and tests see it. */
    public record ConversationView(UUID id, String flowId, int flowVersion, String channel, String step,
                                   Map<String, String> collected, int attempts, Outcome outcome, Instant remindedAt,
                                   UUID requestId) {

        static ConversationView of(FlowConversation c) {
            return new ConversationView(c.id, c.flowId, c.flowVersion, c.channel, c.step, Map.copyOf(c.collected),
                    c.attempts, Outcome.of(c.outcome), c.remindedAt, c.requestId);
        }
    }

    private FlowConversation start(Flow flow, String channel, String address, String entryPoint) {
        FlowConversation conversation = new FlowConversation();
        conversation.id = UUID.randomUUID();
        conversation.flowId = flow.id();
        conversation.flowVersion = flow.version();
        conversation.channel = channel;
        conversation.address = address;
        conversation.entryPoint = entryPoint;
        conversation.createdAt = clock.instant();
        conversation.lastActivity = conversation.createdAt;
        return conversation;
    }

    private FlowReply keep(FlowConversation conversation, Flow flow, FlowEngine.Turn turn, InboundMessage asTaken) {
        Instant now = clock.instant();
        conversation.keep(turn.state(), now);
        conversation.remindedAt = null;
        conversation.dueAt = turn.outcome().finished() ? null : now.plus(flow.settings().quietAfter());
        if (turn.outcome() == Outcome.HANDOFF) {
            handOff(conversation, turn.state(), asTaken);
        }
        conversation.persist();
        entityManager.flush();
        return reply(conversation, flow, ChannelRendering.render(conversation.channel, turn.outputs()),
                turn.outcome());
    }

    private FlowReply reply(FlowConversation conversation, Flow flow, Rendered rendered, Outcome outcome) {
        String reference = conversation.requestId == null ? null : (String) entityManager.createNativeQuery(
                "select reference from customer_request where id = ?1").setParameter(1, conversation.requestId)
                .getSingleResult();
        return new FlowReply(conversation.id, flow.id(), rendered, outcome, conversation.requestId, reference,
                Map.copyOf(conversation.collected));
    }

    /**
     * Makes the request for people to take over: through intake, as a message from the customer whose text is what
     * they said to the flow, with the collected values as attributes (skill, language and priority route it), and the
     * flow's transcript and notes on its timeline.
     */
    void handOff(FlowConversation conversation, ConversationState state) {
        handOff(conversation, state, null);
    }

    private void handOff(FlowConversation conversation, ConversationState state, InboundMessage asTaken) {
        List<String> said = state.customerSaid();
        String text = said.isEmpty() ? "(the customer said nothing to the flow " + conversation.flowId + ")"
                : String.join("\n", said);
        Map<String, String> attributes = new HashMap<>(asTaken == null ? Map.of() : asTaken.attributes());
        attributes.putAll(state.collected());
        attributes.put("flow", conversation.flowId + "@" + conversation.flowVersion);
        InboundMessage message = InboundMessage.from(conversation.channel, conversation.address)
                .text(text)
                .attributes(attributes)
                .language(state.collected().get("language"))
                .requiredSkill(state.collected().get("skill"))
                .build();
        if (asTaken != null && asTaken.providerMessageId() != null) {
            message = message.withProviderMessageId(asTaken.providerMessageId(), asTaken.fingerprint());
        }
        IntakeReceipt receipt = intake.submit(message);
        conversation.requestId = receipt.id();
        FlowPriority.of(state.collected().get(FlowPriority.NAME))
                .ifPresent(priority -> lifecycle.prioritize(receipt.id(), priority, "set by flow " + conversation.flowId));
        String transcript = state.transcript().stream().map(line -> line.by() + ": " + line.text())
                .collect(Collectors.joining("\n"));
        String collected = state.collected().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
        lifecycle.note(receipt.id(), "FLOW", "Handed over by flow " + conversation.flowId + " v"
                + conversation.flowVersion + " at step '" + state.step() + "'"
                + (collected.isEmpty() ? "" : "\nCollected: " + collected) + "\n" + transcript);
        for (String note : state.notes()) {
            lifecycle.note(receipt.id(), "FLOW_NOTE", note);
        }
        LOG.infof("Flow %s handed its conversation over as request %s", conversation.flowId, receipt.reference());
    }
}
