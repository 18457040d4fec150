package dev.nohold.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;

/** The numbers that must not be texted, as carriers require after STOP; START removes a number again. */
@ApplicationScoped
@Transactional
public class OptOuts {

    private static final Logger LOG = Logger.getLogger(OptOuts.class);

    private final Clock clock;

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
            LOG.infof("SMS number %s opted out (%s)", Masked.phone(phoneNumber), why);
        }
    }

    public void optIn(String phoneNumber) {
        if (OptOut.deleteById(phoneNumber)) {
            LOG.infof("SMS number %s opted in again", Masked.phone(phoneNumber));
        }
    }

    public boolean isOptedOut(String phoneNumber) {
        return OptOut.findById(phoneNumber) != null;
    }
}
