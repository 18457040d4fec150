package dev.nohold.core.flow;

import dev.nohold.core.knowledge.KnowledgeMatch;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a flow may ask of the world around one conversation, so the engine itself stays a pure function of the flow,
 * the state and the input: the time, the knowledge base, the queue, the customer's history, and the customer's own
 * systems.
 */
public interface FlowWorld {

    Instant now();

    List<KnowledgeMatch> search(String question, String language, int limit);

    /** Requests waiting for an agent now. */
    int queueLength();

    /** Whether an agent could take a request now. */
    boolean agentFree();

    /** How many requests this customer made before. */
    int earlierRequests();

    /** Calls a customer's endpoint with {@code values}; what it answered, flat. */
    Map<String, String> call(Step.Call call, Map<String, String> values) throws IOException;
}
