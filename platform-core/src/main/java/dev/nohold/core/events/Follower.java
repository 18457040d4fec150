package dev.nohold.core.events;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One open stream: the events its audience may see, in the order they are heard. Events heard while the missed
 * ones are still being read from the database wait, and are sent after them unless already among them, so a
 * resuming client gets each event once, with no gap between what it missed and what is live.
 */
final class Follower {

    private final Audience audience;
    private final UnicastProcessor<LiveEvent> stream = UnicastProcessor.create();
    private List<LiveEvent> waiting = new ArrayList<>();

    Follower(Audience audience) {
        this.audience = audience;
    }

    Audience audience() {
        return audience;
    }

    UnicastProcessor<LiveEvent> stream() {
        return stream;
    }

    synchronized void heard(LiveEvent event) {
        if (!audience.sees(event)) {
            return;
        }
        if (waiting != null) {
            waiting.add(event);
        } else {
            stream.onNext(event);
        }
    }

    /** Sends what the client missed, then what was heard meanwhile; from then on events go out as heard. */
    synchronized void caughtUp(List<LiveEvent> missed) {
        Set<Long> sent = new HashSet<>();
        for (LiveEvent event : missed) {
            sent.add(event.id());
            stream.onNext(event);
        }
        for (LiveEvent event : waiting) {
            if (!sent.contains(event.id())) {
                stream.onNext(event);
            }
        }
        waiting = null;
    }
}
