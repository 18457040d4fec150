package dev.nohold.core.request;

import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Reply;

import java.util.List;

/**
 * A request with its answers, their deliveries, its timeline and its conversation, oldest first, and the same
 * customer's other requests on every channel, newest first: what one request's page shows.
 */
public record RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                             List<RequestEvent> events, List<Message> messages, List<Request> customerRequests) {

    public RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                          List<RequestEvent> events) {
        this(request, replies, deliveries, events, List.of(), List.of());
    }
}
