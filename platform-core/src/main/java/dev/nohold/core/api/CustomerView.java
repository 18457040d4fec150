package dev.nohold.core.api;

import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.request.CustomerHistory.CustomerDetails;

import java.util.List;
import java.util.UUID;

/** A customer: where they were reached from, on each channel, and their requests, newest first. */
public record CustomerView(UUID id, List<AddressView> addresses, List<CustomerRequestView> requests) {

    static CustomerView of(CustomerDetails details) {
        return new CustomerView(details.customer().id,
                details.addresses().stream().map(AddressView::of).toList(),
                details.requests().stream().map(CustomerRequestView::of).toList());
    }

    public record AddressView(String channel, String address) {

        static AddressView of(CustomerAddress address) {
            return new AddressView(address.channel, address.address);
        }
    }
}
