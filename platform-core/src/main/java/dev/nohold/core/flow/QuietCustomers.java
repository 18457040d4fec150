package dev.nohold.core.flow;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.Channels;
import dev.nohold.core.channel.DeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer who goes quiet in a flow is reminded once, through their channel; quiet as long again, the
 * conversation ends (abandoned, at the step where it stopped) or becomes a request, as the flow says. Runs on every
 * node; each due conversation is claimed with {@code FOR UPDATE SKIP LOCKED}, so it is acted on once.
 */
@ApplicationScoped
public class QuietCustomers {

    private static final Logger LOG = Logger.getLogger(QuietCustomers.class);
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final FlowCatalog catalog;
    private final FlowConversations conversations;
    private final Channels channels;

    public QuietCustomers(EntityManager entityManager, FlowCatalog catalog, FlowConversations conversations,
                          Channels channels) {
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.conversations = conversations;
        this.channels = channels;
    }

    /** Reminds or ends what is due at {@code now}; how many conversations it acted on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int act(Instant now) {
        List<UUID> due = entityManager.createNativeQuery("select id from flow_conversation where outcome is null"
                        + " and due_at <= ?1 order by due_at limit ?2 for update skip locked", UUID.class)
                .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            FlowConversation conversation = FlowConversation.findById(id);
            Flow flow = catalog.version(conversation.flowId, conversation.flowVersion);
            FlowSettings settings = flow.settings();
            if (conversation.remindedAt == null) {
                notice(conversation, settings.reminder());
                conversation.remindedAt = now;
                conversation.dueAt = now.plus(settings.quietAfter());
                continue;
            }
            ConversationState state = conversation.state();
            if (settings.whenQuiet() == FlowSettings.WhenQuiet.REQUEST) {
                ConversationState handed = new ConversationState(state.step(), null, state.collected(),
                        state.attempts(), state.transcript(), append(state, "The customer went quiet; the flow"
                        + " turned the conversation into a request"), Outcome.HANDOFF);
                conversation.keep(handed, conversation.lastActivity);
                conversations.handOff(conversation, handed);
                notice(conversation, "We have passed your question to our team; they will answer here.");
            } else {
                conversation.outcome = Outcome.ABANDONED.key();
                notice(conversation, settings.quietEnding());
            }
            conversation.dueAt = null;
        }
        return due.size();
    }

    private static List<String> append(ConversationState state, String note) {
        List<String> notes = new java.util.ArrayList<>(state.notes());
        notes.add(note);
        return notes;
    }

    private void notice(FlowConversation conversation, String text) {
        Optional<Channel> channel = channels.find(conversation.channel);
        try {
            if (channel.isEmpty()) {
                throw DeliveryException.permanentFailure("no such channel");
            }
            channel.get().notice(conversation.address, text);
        } catch (DeliveryException | RuntimeException e) {
            LOG.infof("Flow conversation %s: the %s channel could not carry the notice (%s)", conversation.id,
                    conversation.channel, e.getMessage());
        }
    }
}
