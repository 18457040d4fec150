package dev.nohold.core.customer;

import dev.nohold.core.database.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the customer behind an address, making them on first contact. Callers on several nodes may resolve the same
 * identity at once (a call and a text from one number): a transaction-scoped advisory lock on the identity makes
 * them take turns, so one person is one customer, and the caller's later look at that customer's open request (to
 * join it) sees what the other committed. The unique key on (channel, address) stays the last word.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Customers {

    private final Clock clock;

    public Customers(Clock clock) {
        this.clock = clock;
    }

    /** The customer of this address, made (with the address) if new; holds the identity's lock until commit. */
    public UUID resolve(String channel, String address) {
        String identity = CustomerAddress.identityOf(channel, address);
        AdvisoryLocks.holdUntilTransactionEnds(CustomerAddress.getEntityManager(), "customer:" + identity);
        String stripped = address.strip();
        Optional<CustomerAddress> known = CustomerAddress.find("channel = ?1 and address = ?2", channel, stripped)
                .firstResultOptional();
        if (known.isPresent()) {
            return known.get().customerId;
        }
        Instant now = clock.instant();
        UUID customerId = CustomerAddress.<CustomerAddress>find("identity = ?1 order by createdAt", identity)
                .firstResultOptional()
                .map(sameIdentity -> sameIdentity.customerId)
                .orElseGet(() -> newCustomer(now));
        CustomerAddress added = new CustomerAddress();
        added.id = UUID.randomUUID();
        added.customerId = customerId;
        added.channel = channel;
        added.address = stripped;
        added.identity = identity;
        added.createdAt = now;
        added.persist();
        return customerId;
    }

    private static UUID newCustomer(Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.createdAt = now;
        customer.persist();
        return customer.id;
    }
}
