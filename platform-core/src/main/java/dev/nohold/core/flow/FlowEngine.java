package dev.nohold.core.flow;

import dev.nohold.core.knowledge.KnowledgeMatch;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The flow engine: a pure state machine from (flow, state, what the customer said) to (what the customer gets, the
 * new state, the outcome). It stores nothing and renders nothing, so the same flow runs on every channel, in a
 * simulation, and on whichever node holds the stored state; what it needs from outside comes through
 * {@link FlowWorld}.
 */
public final class FlowEngine {

    /** A flow that loops without waiting for the customer is stopped after this many steps in one turn. */
    static final int STEPS_PER_TURN = 50;

    private FlowEngine() {
    }

    /** One turn of a conversation. */
    public record Turn(List<Output> outputs, ConversationState state) {

        public Outcome outcome() {
            return state.outcome();
        }
    }

    /**
     * Takes the conversation one turn on: {@code input} is what the customer said (null when the conversation opens
     * without words, as a call does; null while a step waits asks that step's question again). A conversation
     * already over stays as it is.
     */
    public static Turn next(Flow flow, ConversationState state, String input, FlowWorld world) {
        Run run = new Run(flow, state, world);
        if (state.outcome().finished()) {
            return new Turn(List.of(), state);
        }
        String unused = input == null || input.isBlank() ? null : input.strip();
        if (unused != null) {
            run.transcript.add(new ConversationState.Line("customer", unused));
        }
        if (run.step == null) {
            run.step = flow.first().id();
        }
        for (int taken = 0; taken < STEPS_PER_TURN; taken++) {
            Step step = flow.step(run.step).orElseThrow();
            boolean stop;
            if (run.phase != null) {
                if (unused == null) {
                    run.askAgain(step);
                    break;
                }
                stop = run.consume(step, unused);
                unused = null;
            } else {
                stop = run.execute(step, unused);
                if (step.kind() == Step.Kind.ANSWER && unused != null) {
                    unused = null;
                }
            }
            if (stop) {
                return run.turn();
            }
        }
        if (run.phase == null) {
            run.notes.add("The flow went round " + STEPS_PER_TURN + " steps without waiting for the customer");
            run.outputs.add(Output.say("Let me pass you to a colleague."));
            run.outcome = Outcome.HANDOFF;
        }
        return run.turn();
    }

    /** The mutable working copy of one turn. */
    private static final class Run {

        private final Flow flow;
        private final FlowWorld world;
        private final List<Output> outputs = new ArrayList<>();
        private final Map<String, String> collected;
        private final List<ConversationState.Line> transcript;
        private final List<String> notes;
        private String step;
        private String phase;
        private int attempts;
        private Outcome outcome;

        Run(Flow flow, ConversationState state, FlowWorld world) {
            this.flow = flow;
            this.world = world;
            this.collected = new java.util.LinkedHashMap<>(state.collected());
            this.transcript = new ArrayList<>(state.transcript());
            this.notes = new ArrayList<>(state.notes());
            this.step = state.step();
            this.phase = state.phase();
            this.attempts = state.attempts();
            this.outcome = state.outcome();
        }

        Turn turn() {
            for (Output output : outputs) {
                transcript.add(new ConversationState.Line("bot", output.text()));
            }
            return new Turn(List.copyOf(outputs),
                    new ConversationState(step, phase, collected, attempts, transcript, notes, outcome));
        }

        /** The customer said nothing (a call's gather timed out, a blank message): the waiting step asks again. */
        void askAgain(Step current) {
            switch (current.kind()) {
                case MENU -> outputs.add(Output.menu(current.text(), current.choices()));
                case ASK -> outputs.add(Output.question(current.text(), current.askKind()));
                case ANSWER -> outputs.add("question".equals(phase)
                        ? Output.question(current.text(), Step.AskKind.TEXT)
                        : Output.question(current.values().get("confirm"), Step.AskKind.YES_NO));
                default -> throw new IllegalStateException("Step " + current.id() + " does not wait for input");
            }
        }

        /** Runs a step reached anew; true when the turn stops here (waiting, or over). */
        boolean execute(Step current, String unused) {
            switch (current.kind()) {
                case SAY -> {
                    outputs.add(Output.say(current.text()));
                    return go(current.next());
                }
                case MENU -> {
                    outputs.add(Output.menu(current.text(), current.choices()));
                    return waitAt("input");
                }
                case ASK -> {
                    outputs.add(Output.question(current.text(), current.askKind()));
                    return waitAt("input");
                }
                case BRANCH -> {
                    for (Step.Rule rule : current.rules()) {
                        if (rule.conditions().stream().allMatch(this::holds)) {
                            return go(rule.next());
                        }
                    }
                    return go(current.rules().get(current.rules().size() - 1).next());
                }
                case ANSWER -> {
                    if (unused != null) {
                        return answer(current, unused);
                    }
                    if (current.text() != null) {
                        outputs.add(Output.question(current.text(), Step.AskKind.TEXT));
                        return waitAt("question");
                    }
                    return answer(current, lastSaid());
                }
                case SET -> {
                    collected.putAll(current.values());
                    return go(current.next());
                }
                case CALL -> {
                    return call(current);
                }
                case HANDOFF -> {
                    outputs.add(Output.say(current.text()));
                    return finish(Outcome.HANDOFF);
                }
                case END -> {
                    if (current.text() != null && !current.text().isBlank()) {
                        outputs.add(Output.say(current.text()));
                    }
                    return finish("self-served".equals(current.outcome()) ? Outcome.SELF_SERVED : Outcome.ENDED);
                }
            }
            throw new IllegalStateException("Unknown step kind " + current.kind());
        }

        /** The customer answered the step waiting for them. */
        boolean consume(Step current, String input) {
            switch (current.kind()) {
                case MENU -> {
                    Optional<Step.Choice> choice = CustomerAnswers.choose(current.choices(), input);
                    if (choice.isPresent()) {
                        collected.put(current.id(), choice.get().label());
                        return go(choice.get().next());
                    }
                    return retry(current, "Sorry, that is not one of the choices.",
                            Output.menu(current.text(), current.choices()));
                }
                case ASK -> {
                    Optional<String> value = CustomerAnswers.valueOf(current, input);
                    if (value.isPresent()) {
                        collected.put(current.into(), value.get());
                        return go(current.next());
                    }
                    return retry(current, "Sorry, I could not use that.",
                            Output.question(current.text(), current.askKind()));
                }
                case ANSWER -> {
                    if ("question".equals(phase)) {
                        phase = null;
                        return answer(current, input);
                    }
                    Optional<String> helped = CustomerAnswers.yesNo(input);
                    if (helped.isEmpty()) {
                        return retry(current, "Please answer yes or no.",
                                Output.question(current.values().get("confirm"), Step.AskKind.YES_NO));
                    }
                    if ("yes".equals(helped.get())) {
                        outputs.add(Output.say(current.values().get("helped")));
                        phase = null;
                        return finish(Outcome.SELF_SERVED);
                    }
                    notes.add("The automatic answer did not help: " + collected.getOrDefault("answered", ""));
                    collected.put("automatic-answer", "did not help");
                    return go(current.next());
                }
                default -> throw new IllegalStateException("Step " + current.id() + " does not wait for input");
            }
        }

        private boolean answer(Step current, String question) {
            List<KnowledgeMatch> matches = question == null ? List.of()
                    : world.search(question, language(), 1);
            if (!matches.isEmpty() && matches.get(0).confidence() >= flow.settings().knowledgeThreshold()) {
                KnowledgeMatch best = matches.get(0);
                collected.put("question", question);
                collected.put("answered", best.question());
                outputs.add(Output.say(best.answer()));
                outputs.add(Output.question(current.values().get("confirm"), Step.AskKind.YES_NO));
                return waitAt("confirm");
            }
            if (question != null) {
                collected.put("question", question);
                notes.add("No confident automatic answer for: " + question);
            }
            return go(current.otherwise());
        }

        private boolean call(Step current) {
            try {
                Map<String, String> sent = new java.util.LinkedHashMap<>();
                if (current.call().send().isEmpty()) {
                    sent.putAll(collected);
                } else {
                    current.call().send().forEach(name -> {
                        if (collected.containsKey(name)) {
                            sent.put(name, collected.get(name));
                        }
                    });
                }
                world.call(current.call(), sent).forEach((name, value) ->
                        collected.put(current.into() + "." + name, value));
                return go(current.next());
            } catch (Exception e) {
                notes.add("Step '" + current.id() + "' could not reach " + current.call().url() + ": "
                        + e.getMessage());
                return go(current.otherwise());
            }
        }

        private boolean retry(Step current, String fallback, Output again) {
            attempts++;
            if (attempts >= current.maxAttempts()) {
                notes.add("Step '" + current.id() + "' gave up after " + attempts + " unusable answers");
                attempts = 0;
                phase = null;
                if (current.otherwise() == null || current.otherwise().equals(current.id())) {
                    outputs.add(Output.say("Let me pass you to a colleague."));
                    return finish(Outcome.HANDOFF);
                }
                return go(current.otherwise());
            }
            outputs.add(Output.say(current.reprompt() == null ? fallback : current.reprompt()));
            outputs.add(again);
            return true;
        }

        private boolean go(String target) {
            if (target == null) {
                outputs.add(Output.say("Let me pass you to a colleague."));
                return finish(Outcome.HANDOFF);
            }
            step = target;
            phase = null;
            attempts = 0;
            return false;
        }

        private boolean waitAt(String waitingFor) {
            phase = waitingFor;
            return true;
        }

        private boolean finish(Outcome reached) {
            outcome = reached;
            phase = null;
            return true;
        }

        private String lastSaid() {
            for (int i = transcript.size() - 1; i >= 0; i--) {
                if ("customer".equals(transcript.get(i).by())) {
                    return transcript.get(i).text();
                }
            }
            return null;
        }

        private String language() {
            return collected.getOrDefault("language", flow.settings().language());
        }

        private boolean holds(Step.Condition condition) {
            return switch (condition) {
                case Step.Said said -> {
                    String last = lastSaid();
                    List<String> words = last == null ? List.of() : CustomerAnswers.words(last);
                    yield said.words().stream().anyMatch(word -> word.contains(" ")
                            ? last.toLowerCase(Locale.ROOT).contains(word) : words.contains(word));
                }
                case Step.Collected value -> value.equals() == null ? collected.containsKey(value.name())
                        : value.equals().equalsIgnoreCase(collected.get(value.name()));
                case Step.BusinessHours hours -> {
                    ZonedDateTime local = world.now().atZone(hours.zone());
                    yield hours.days().contains(local.getDayOfWeek())
                            && !local.toLocalTime().isBefore(hours.from()) && local.toLocalTime().isBefore(hours.to());
                }
                case Step.QueueLonger longer -> world.queueLength() > longer.length();
                case Step.AgentsFree free -> world.agentFree() == free.free();
                case Step.Language language -> language.tag().equalsIgnoreCase(language());
                case Step.EarlierRequests earlier -> world.earlierRequests() >= earlier.atLeast();
            };
        }
    }
}
