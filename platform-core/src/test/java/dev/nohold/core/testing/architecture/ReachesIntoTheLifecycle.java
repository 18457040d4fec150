package dev.nohold.core.testing.architecture;

import dev.nohold.core.request.Lifecycle;

import java.util.UUID;

/** A deliberately offending "channel" class: it calls the lifecycle itself instead of going through the door. */
public class ReachesIntoTheLifecycle {

    private final Lifecycle lifecycle;

    public ReachesIntoTheLifecycle(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void cancel(UUID requestId) {
        lifecycle.cancel(requestId, "a channel that should have used ChannelRequests");
    }
}
