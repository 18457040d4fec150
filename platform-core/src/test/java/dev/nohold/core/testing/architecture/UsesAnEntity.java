package dev.nohold.core.testing.architecture;

import dev.nohold.core.channel.AgentHold;

/** A deliberately offending "channel" class: it reads an entity of the core's channel package. */
public class UsesAnEntity {

    public String agentOf(AgentHold hold) {
        return hold.agentId.toString();
    }
}
