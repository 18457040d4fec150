package dev.nohold.core.dispatch;

import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.request.RequestStatus;
import dev.nohold.core.request.WorkAvailable;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands waiting requests to idle agents. Woken after every commit that queued a request or freed an agent, on this
 * node or another (through the live events), and by a slow safety-net poll, it claims assignments one by one until none is left to make. Wake-ups that arrive
 * while it works are folded into one more round, so a burst of them costs one pass, not one each.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** Request events after which an assignment may be possible: work waits, or an agent was freed. */
    private static final Set<String> MAY_ALLOW_ASSIGNMENT = Set.of(RequestStatus.QUEUED.name(),
            RequestStatus.ANSWERED.name(), RequestStatus.CANCELLED.name());

    private final AssignmentClaim claim;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("nohold-dispatcher").daemon().factory());
    private final AtomicInteger wakeUps = new AtomicInteger();

    public Dispatcher(AssignmentClaim claim) {
        this.claim = claim;
    }

    void onWorkAvailable(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkAvailable event) {
        wake();
    }

    /** A change committed on any node (this one's own come back too; a spare round costs one query). */
    void onLiveEvent(@Observes LiveEvent event) {
        boolean agentAvailable = event.isPresence() && "AVAILABLE".equals(event.status());
        if (agentAvailable || MAY_ALLOW_ASSIGNMENT.contains(event.type())) {
            wake();
        }
    }

    /** Asks for a dispatch round soon; returns at once. */
    public void wake() {
        if (wakeUps.getAndIncrement() == 0) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                wakeUps.set(0);
            }
        }
    }

    /** Makes every assignment possible now, on the caller's thread; returns how many it made. */
    public int dispatchAll() {
        int made = 0;
        while (claim.assignNext()) {
            made++;
        }
        return made;
    }

    private void drain() {
        int seen;
        do {
            seen = wakeUps.get();
            try {
                dispatchAll();
            } catch (RuntimeException e) {
                LOG.warnf("Dispatch round failed, the next wake-up or poll retries: %s", e.getMessage());
            }
        } while (wakeUps.addAndGet(-seen) > 0);
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
