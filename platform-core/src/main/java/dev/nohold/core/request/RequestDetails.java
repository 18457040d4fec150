package dev.nohold.core.request;

import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Reply;

import java.util.List;

/**
 * A request with its answers, their deliveries, its timeline and its conversation, oldest first, and the same
 * customer's other requests on every channel, newest first, and the customer's addresses on the channels installed
 * here (where an answer can be sent again): what one request's page shows.
 */
public record RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                             List<RequestEvent> events, List<Message> messages, List<Request> customerRequests,
                             List<CustomerAddress> customerAddresses) {

    public RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                          List<RequestEvent> events, List<Message> messages, List<Request> customerRequests) {
        this(request, replies, deliveries, events, messages, customerRequests, List.of());
    }

    public RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                          List<RequestEvent> events) {
        this(request, replies, deliveries, events, List.of(), List.of(), List.of());
    }
}
