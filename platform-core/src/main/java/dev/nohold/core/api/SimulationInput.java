package dev.nohold.core.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A simulation's input: the channel to render for, what the customer says in turn, and optionally the time. */
public record SimulationInput(String channel, List<String> inputs, OffsetDateTime at) {
}
