package dev.nohold.core.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An example conversation a flow carries with it: what a customer says, in order, and the outcome and values it
 * must come to. A flow is activated only when all of its examples come out as written. {@code at} fixes the clock
 * for business-hours branches (null: now); {@code channel} is where it is run (null: sms).
 */
public record FlowExample(String name, String channel, List<String> inputs, String outcome,
                          Map<String, String> collected, Instant at, int line) {
}
