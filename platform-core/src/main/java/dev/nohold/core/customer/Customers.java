package dev.nohold.core.customer;

import dev.nohold.core.database.AdvisoryLocks;
import dev.nohold.core.database.PlainSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The addresses {@link #resolveAll} resolved in the current transaction. */
    private static final Object RESOLVED = new Object();

    private final PlainSql sql;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transaction;

    public Customers(Clock clock, TransactionSynchronizationRegistry transaction, DataSource dataSource) {
        this.sql = new PlainSql(dataSource, "Customers");
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The customer of this address, made (with the address) if new; holds the identity's lock until commit. */
    public UUID resolve(String channel, String address) {
        @SuppressWarnings("unchecked")
        Map<String, UUID> resolved = (Map<String, UUID>) transaction.getResource(RESOLVED);
        if (resolved != null && resolved.containsKey(key(channel, address))) {
            return resolved.get(key(channel, address));
        }
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
        addAddress(customerId, channel, stripped, identity, now);
        return customerId;
    }

    /**
     * Resolves many addresses at once, for a batch of intake (the journal's drain): their identities locked in one
     * statement (in a fixed order, so two batches never wait on each other crosswise), their known addresses read in
     * one query, the new customers and addresses written in one more; {@link #resolve} then answers them without a
     * query until the commit. Plain SQL, not entities: at a peak this runs for hundreds of texts a second, and the
     * ORM's query interpretation and flush cost more than the statements.
     *
     * @param addresses pairs of channel and address
     */
    public void resolveAll(List<Map.Entry<String, String>> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        List<String> identities = addresses.stream()
                .map(a -> CustomerAddress.identityOf(a.getKey(), a.getValue())).distinct().sorted().toList();
        AdvisoryLocks.holdAllUntilTransactionEnds(CustomerAddress.getEntityManager(),
                identities.stream().map(identity -> "customer:" + identity).toList());
        Map<String, List<Known>> known = known(identities);
        Map<String, UUID> resolved = new HashMap<>();
        List<UUID> newCustomers = new ArrayList<>();
        List<Known> newAddresses = new ArrayList<>();
        for (Map.Entry<String, String> address : addresses) {
            String channel = address.getKey();
            String stripped = address.getValue().strip();
            String identity = CustomerAddress.identityOf(channel, stripped);
            List<Known> sameIdentity = known.computeIfAbsent(identity, i -> new ArrayList<>());
            Optional<Known> exact = sameIdentity.stream()
                    .filter(a -> a.channel().equals(channel) && a.address().equals(stripped)).findFirst();
            UUID customerId;
            if (exact.isPresent()) {
                customerId = exact.get().customerId();
            } else {
                if (sameIdentity.isEmpty()) {
                    customerId = UUID.randomUUID();
                    newCustomers.add(customerId);
                } else {
                    customerId = sameIdentity.get(0).customerId();
                }
                Known added = new Known(customerId, channel, stripped, identity);
                sameIdentity.add(added);
                newAddresses.add(added);
            }
            resolved.put(key(channel, address.getValue()), customerId);
        }
        if (!newAddresses.isEmpty()) {
            write(newCustomers, newAddresses);
        }
        transaction.putResource(RESOLVED, resolved);
    }

    /** The addresses known for these identities, each identity's oldest first. */
    private Map<String, List<Known>> known(List<String> identities) {
        Map<String, List<Known>> known = new HashMap<>();
        sql.list("""
                        select customer_id, channel, address, identity from customer_address
                         where identity = any (?::text[]) order by created_at, id""",
                row -> new Known(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)),
                identities)
                .forEach(address -> known.computeIfAbsent(address.identity(), i -> new ArrayList<>()).add(address));
        return known;
    }

    private void write(List<UUID> customers, List<Known> addresses) {
        Instant now = clock.instant();
        sql.update("""
                        with made as (
                            insert into customer (id, created_at) select id::uuid, ? from unnest(?::text[]) as id)
                        insert into customer_address (id, customer_id, channel, address, identity, created_at)
                        select gen_random_uuid(), customer_id::uuid, channel, address, identity, ?
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                               as a(customer_id, channel, address, identity)""",
                now, customers, now, addresses.stream().map(Known::customerId).toList(),
                addresses.stream().map(Known::channel).toList(), addresses.stream().map(Known::address).toList(),
                addresses.stream().map(Known::identity).toList());
    }

    /** An address of a customer, read or about to be written. */
    private record Known(UUID customerId, String channel, String address, String identity) {
    }

    private static CustomerAddress addAddress(UUID customerId, String channel, String address, String identity,
                                              Instant now) {
        CustomerAddress added = new CustomerAddress();
        added.id = UUID.randomUUID();
        added.customerId = customerId;
        added.channel = channel;
        added.address = address;
        added.identity = identity;
        added.createdAt = now;
        added.persist();
        return added;
    }

    private static String key(String channel, String address) {
        return channel + "\n" + address;
    }

    private static UUID newCustomer(Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.createdAt = now;
        customer.persist();
        return customer.id;
    }
}
