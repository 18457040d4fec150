package dev.nohold.core.request;

import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Reply;

import java.util.List;

/** A request with its answers, their deliveries and its timeline, oldest first: what one request's page shows. */
public record RequestDetails(Request request, List<Reply> replies, List<Delivery> deliveries,
                             List<RequestEvent> events) {
}
