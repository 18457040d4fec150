package dev.nohold.channel.sms;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The numbers that must not be texted, as carriers require after STOP; START removes a number again. */
@ApplicationScoped
@Transactional
public class OptOuts {

    private static final Logger LOG = Logger.getLogger(OptOuts.class);

    static final Duration COPY_AGE = Duration.ofSeconds(2);

    private final Clock clock;
    private volatile Copy copy;

    public OptOuts(Clock clock) {
        this.clock = clock;
    }

    public void optOut(String phoneNumber, String why) {
        if (OptOut.findById(phoneNumber) == null) {
            OptOut optOut = new OptOut();
            optOut.phoneNumber = phoneNumber;
            optOut.keyword = why;
            optOut.optedOutAt = clock.instant();
            optOut.persist();
            Copy known = copy;
            if (known != null) {
                known.numbers().add(phoneNumber);
            }
            LOG.infof("SMS number %s opted out (%s)", Masked.phone(phoneNumber), why);
        }
    }

    public void optIn(String phoneNumber) {
        Copy known = copy;
        if (known != null) {
            known.numbers().remove(phoneNumber);
        }
        if (OptOut.deleteById(phoneNumber)) {
            LOG.infof("SMS number %s opted in again", Masked.phone(phoneNumber));
        }
    }

    public boolean isOptedOut(String phoneNumber) {
        return OptOut.findById(phoneNumber) != null;
    }

    /**
     * As {@link #isOptedOut}, for intake's fast path, without a query: from this node's copy of the list, read
     * afresh every {@link #COPY_AGE} and changed at once by STOP and START taken here. A STOP taken on another node
     * moments before may not be known yet: the acknowledgement then goes to the number, and Twilio, which keeps its
     * own opt-out list for STOP, refuses to send it (its error 21610).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean isOptedOutOnIntake(String phoneNumber) {
        Copy copy = this.copy;
        if (copy == null || clock.instant().isAfter(copy.readAt().plus(COPY_AGE))) {
            copy = new Copy(QuarkusTransaction.requiringNew().call(() -> OptOut.<OptOut>findAll().stream()
                    .map(o -> o.phoneNumber).collect(Collectors.toCollection(ConcurrentHashMap::newKeySet))),
                    clock.instant());
            this.copy = copy;
        }
        return copy.numbers().contains(phoneNumber);
    }

    /** Reads the list afresh at the next question: the table was changed behind the platform's back (tests). */
    public void reread() {
        copy = null;
    }

    private record Copy(Set<String> numbers, Instant readAt) {
    }
}
