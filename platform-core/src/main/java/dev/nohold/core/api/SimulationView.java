package dev.nohold.core.api;

import dev.nohold.core.flow.FlowSimulator;
import dev.nohold.core.flow.Rendered;

import java.util.List;
import java.util.Map;

/**
 * A simulated run: each turn with what the customer said ({@code input}, null for the opening) and what they got
 * ({@code output}, as the channel shows it, with its buttons or voice prompt beside), the outcome and what was
 * collected.
 */
public record SimulationView(List<Turn> steps, String outcome, Map<String, String> collected, List<String> notes) {

    public record Turn(String input, String output, List<String> quickReplies, Rendered.VoicePrompt voice) {
    }

    static SimulationView of(FlowSimulator.Simulation simulation) {
        return new SimulationView(simulation.steps().stream()
                .map(turn -> new Turn(turn.input(), turn.output().text(), turn.output().quickReplies(),
                        turn.output().voice()))
                .toList(), simulation.outcome().key(), simulation.collected(), simulation.notes());
    }
}
