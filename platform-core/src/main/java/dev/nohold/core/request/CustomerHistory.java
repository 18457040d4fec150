package dev.nohold.core.request;

import dev.nohold.core.Refusal;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.customer.Customer;
import dev.nohold.core.customer.CustomerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A customer with their addresses and every request they made, on any channel. Supervisors and admins see every
 * customer; an agent sees a customer only when they may see one of that customer's requests (assigned to them or
 * answered by them), and then the customer's whole history, as a help desk's requester page shows it: opening one of
 * those requests still follows the request's own rule.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerHistory {

    private static final String SEEN_BY_AGENT = """
            select count(r) from Request r
             where r.customerId = :customer
               and (r.assignedTo.id = :me or exists (from Reply p where p.requestId = r.id and p.by.id = :me))""";

    public CustomerDetails customer(String username, UUID customerId) {
        Agent caller = Agent.findByUsername(username)
                .orElseThrow(() -> Refusal.forbidden("No agent account " + username));
        Customer customer = Customer.findById(customerId);
        if (customer == null || !caller.seesAllRequests() && !seenBy(caller, customerId)) {
            throw Refusal.notFound("No customer " + customerId + " that you may see");
        }
        return new CustomerDetails(customer, CustomerAddress.of(customerId), requestsOf(customerId));
    }

    /** Every request of the customer, newest first. */
    static List<Request> requestsOf(UUID customerId) {
        return customerId == null ? List.of()
                : Request.list("customerId = ?1 order by createdAt desc, id", customerId);
    }

    private static boolean seenBy(Agent agent, UUID customerId) {
        return Request.getEntityManager().createQuery(SEEN_BY_AGENT, Long.class)
                .setParameter("customer", customerId)
                .setParameter("me", agent.id)
                .getSingleResult() > 0;
    }

    /** A customer, where they were reached from, and their requests, newest first. */
    public record CustomerDetails(Customer customer, List<CustomerAddress> addresses, List<Request> requests) {
    }
}
