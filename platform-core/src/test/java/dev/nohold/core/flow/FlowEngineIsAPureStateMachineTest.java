package dev.nohold.core.flow;

import dev.nohold.core.knowledge.KnowledgeMatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine is a function of the flow, the state and the input: the same turn from the same state comes out the
 * same, and its branches follow what the world says (free agents, the queue, the customer's history, the language,
 * the words said), with nothing stored.
 */
class FlowEngineIsAPureStateMachineTest {

    private static final String FLOW = """
            id: routing
            steps:
              - id: what
                ask: What do you need?
              - id: route
                branch:
                  - if: {said: [urgent, "right now"]}
                    goto: urgent
                  - if: {earlier-requests-at-least: 3}
                    goto: regular
                  - if: {language: fr}
                    goto: french
                  - if: {agents-free: true, queue-longer-than: 5}
                    goto: busy
                  - if: {agents-free: true}
                    goto: live
                  - else: later
              - {id: urgent, handoff: Urgent.}
              - {id: regular, handoff: Welcome back.}
              - {id: french, handoff: Bonjour.}
              - {id: busy, handoff: Busy.}
              - {id: live, handoff: Connecting you.}
              - {id: later, end: We will write back.}
            """;

    private final Flow flow = FlowReader.read("flows/routing.yaml", FLOW);

    @Test
    void theSameTurnFromTheSameStateComesOutTheSame() {
        World world = new World(true, 0, 0);
        FlowEngine.Turn opened = FlowEngine.next(flow, ConversationState.start(), null, world);

        FlowEngine.Turn first = FlowEngine.next(flow, opened.state(), "my invoice", world);
        FlowEngine.Turn again = FlowEngine.next(flow, opened.state(), "my invoice", world);

        assertEquals(first, again);
        assertEquals("what", opened.state().step());
        assertEquals(Outcome.WAITING, opened.outcome());
    }

    @Test
    void branchesFollowWhatTheWorldSays() {
        assertEquals("Urgent.", ending("it is urgent", new World(false, 0, 0)));
        assertEquals("Urgent.", ending("I need it right now", new World(false, 0, 0)));
        assertEquals("Welcome back.", ending("hello", new World(false, 0, 3)));
        assertEquals("Busy.", ending("hello", new World(true, 6, 0)));
        assertEquals("Connecting you.", ending("hello", new World(true, 5, 0)));
        assertEquals("We will write back.", ending("hello", new World(false, 0, 0)));
    }

    @Test
    void theConversationsLanguageChoosesItsBranch() {
        ConversationState french = new ConversationState("what", "input", Map.of("language", "fr"), 0, null, null,
                Outcome.WAITING);

        FlowEngine.Turn turn = FlowEngine.next(flow, french, "bonjour", new World(false, 0, 0));

        assertEquals("Bonjour.", turn.outputs().get(0).text());
    }

    @Test
    void silenceWhileAStepWaitsAsksItsQuestionAgain() {
        World world = new World(false, 0, 0);
        FlowEngine.Turn opened = FlowEngine.next(flow, ConversationState.start(), null, world);

        FlowEngine.Turn silent = FlowEngine.next(flow, opened.state(), null, world);

        assertEquals(List.of(Output.question("What do you need?", Step.AskKind.TEXT)), silent.outputs());
        assertEquals("what", silent.state().step());
        assertEquals(0, silent.state().attempts());
    }

    @Test
    void askStepsTakeTheirKindOfAnswerInTheWaysPeopleWriteIt() {
        Flow asks = FlowReader.read("flows/asks.yaml", """
                id: asks
                steps:
                  - {id: when, ask: "When did it happen?", kind: date}
                  - {id: again, ask: "Has it happened before?", kind: yes-no}
                  - {id: amount, ask: "How much was it?", kind: number}
                  - {id: done, end: Thanks.}
                """);
        World world = new World(false, 0, 0);
        ConversationState state = FlowEngine.next(asks, ConversationState.start(), null, world).state();
        for (String input : List.of("yesterday", "2.12.2026", "maybe", "yeah", "a lot", "12,50")) {
            state = FlowEngine.next(asks, state, input, world).state();
        }

        assertEquals(Map.of("when", "2026-12-02", "again", "yes", "amount", "12.50"), state.collected());
        assertEquals(Outcome.ENDED, state.outcome());
    }

    @Test
    void aFinishedConversationSaysNothingMore() {
        FlowEngine.Turn turn = FlowEngine.next(flow, FlowEngine.next(flow, ConversationState.start(), null,
                new World(false, 0, 0)).state(), "urgent", new World(false, 0, 0));
        assertEquals(Outcome.HANDOFF, turn.outcome());

        FlowEngine.Turn after = FlowEngine.next(flow, turn.state(), "hello?", new World(false, 0, 0));
        assertTrue(after.outputs().isEmpty());
        assertEquals(turn.state(), after.state());
    }

    private String ending(String said, World world) {
        FlowEngine.Turn opened = FlowEngine.next(flow, ConversationState.start(), null, world);
        FlowEngine.Turn turn = FlowEngine.next(flow, opened.state(), said, world);
        return turn.outputs().get(turn.outputs().size() - 1).text();
    }

    private record World(boolean agentFree, int queueLength, int earlierRequests) implements FlowWorld {

        @Override
        public Instant now() {
            return Instant.parse("2026-12-02T10:00:00Z");
        }

        @Override
        public List<KnowledgeMatch> search(String question, String language, int limit) {
            return List.of();
        }

        @Override
        public Map<String, String> call(Step.Call call, Map<String, String> values) {
            return Map.of();
        }
    }
}
