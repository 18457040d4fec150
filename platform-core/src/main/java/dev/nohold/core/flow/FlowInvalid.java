package dev.nohold.core.flow;

import dev.nohold.core.Refusal;

import java.util.List;

/** A flow document that does not validate: every problem found, each naming the document's line. */
public class FlowInvalid extends Refusal {

    private final List<String> problems;

    public FlowInvalid(List<String> problems) {
        super(400, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
