package dev.nohold.core.flow;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a flow without a customer: the conversation opens (the flow speaks first), then takes each typed input in
 * turn, and every turn is rendered for the chosen channel. Nothing is stored. The same runs check a flow's own
 * examples before it is activated.
 */
@ApplicationScoped
public class FlowSimulator {

    /** What a simulated customer is known as, so the run has no history of its own. */
    static final String ADDRESS = "simulation";

    /** One turn: what the customer said (null for the opening) and what the channel showed. */
    public record SimulatedTurn(String input, Rendered output) {
    }

    public record Simulation(List<SimulatedTurn> steps, Outcome outcome, Map<String, String> collected,
                             List<String> notes) {
    }

    private final FlowWorlds worlds;

    public FlowSimulator(FlowWorlds worlds) {
        this.worlds = worlds;
    }

    public Simulation simulate(Flow flow, String channel, List<String> inputs, Instant at) {
        FlowWorld world = worlds.of(channel, ADDRESS, at);
        List<SimulatedTurn> turns = new ArrayList<>();
        FlowEngine.Turn turn = FlowEngine.next(flow, ConversationState.start(), null, world);
        turns.add(new SimulatedTurn(null, ChannelRendering.render(channel, turn.outputs())));
        for (String input : inputs) {
            if (turn.outcome().finished()) {
                break;
            }
            turn = FlowEngine.next(flow, turn.state(), input, world);
            turns.add(new SimulatedTurn(input, ChannelRendering.render(channel, turn.outputs())));
        }
        return new Simulation(turns, turn.outcome(), turn.state().collected(), turn.state().notes());
    }

    /** How an example failed, in words; empty when it came out as written. */
    public Optional<String> check(Flow flow, FlowExample example) {
        Simulation run = simulate(flow, example.channel() == null ? "sms" : example.channel(), example.inputs(),
                example.at());
        List<String> wrong = new ArrayList<>();
        if (example.outcome() != null && !example.outcome().equals(run.outcome().key())) {
            wrong.add("expected the outcome " + example.outcome() + ", got " + run.outcome().key());
        }
        example.collected().forEach((name, expected) -> {
            String got = run.collected().get(name);
            if (!expected.equals(got)) {
                wrong.add("expected " + name + " = " + expected + ", got " + (got == null ? "nothing" : got));
            }
        });
        if (!run.steps().isEmpty()) {
            Rendered last = run.steps().get(run.steps().size() - 1).output();
            if (!wrong.isEmpty()) {
                wrong.add("the flow's last words were \"" + last.text() + "\"");
            }
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }
}
