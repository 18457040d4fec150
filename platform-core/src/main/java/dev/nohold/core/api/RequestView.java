package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Reply;
import dev.nohold.core.request.Message;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestDetails;
import dev.nohold.core.request.RequestEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One request with its answers, their deliveries and its whole timeline, oldest first; for a spoken request, how
 * sure speech recognition was of its text (0 to 1) and whether that is too unsure to trust without listening
 * ({@code nohold.speech.low-confidence}); the customer it belongs to, the conversation both ways on any
 * channel, oldest first, and the customer's other requests, newest first. {@code attributes} are what the
 * channel and a conversation flow recorded with it (the values the bot collected, an e-mail's subject…).
 */
public record RequestView(UUID id, String reference, String channel, String from, String status, String text,
                          String audioUrl, String assignedTo, String createdAt, String language,
                          List<ReplyView> replies, List<DeliveryView> deliveries, List<EventView> events,
                          Double transcriptConfidence, UUID customerId, List<MessageView> messages,
                          List<CustomerRequestView> customerRequests, boolean transcriptLowConfidence,
                          List<AddressView> customerAddresses, Map<String, String> attributes) {

    static RequestView of(RequestDetails details) {
        Request request = details.request();
        return new RequestView(request.id, request.reference, request.channel, request.from, request.status.name(),
                request.text, RequestSummary.audioUrl(request), RequestSummary.assignee(request),
                IsoTime.format(request.createdAt), request.language,
                details.replies().stream().map(ReplyView::of).toList(),
                details.deliveries().stream().map(delivery -> DeliveryView.of(delivery, details.deliveries())).toList(),
                details.events().stream().map(EventView::of).toList(),
                request.transcriptConfidence, request.customerId,
                details.messages().stream().map(MessageView::of).toList(),
                details.customerRequests().stream().map(CustomerRequestView::of).toList(),
                details.events().stream().anyMatch(event -> "TRANSCRIPT_LOW_CONFIDENCE".equals(event.type)),
                details.customerAddresses().stream().map(AddressView::of).toList(),
                new TreeMap<>(request.attributes));
    }

    /** Where the customer can be reached: a channel installed here and their address on it. */
    public record AddressView(String channel, String address) {

        static AddressView of(CustomerAddress address) {
            return new AddressView(address.channel, address.address);
        }
    }

    /** One message of the conversation: "in" from the customer, "out" from an agent (by their username). */
    public record MessageView(String direction, String channel, String text, String audioUrl, String by, String at) {

        static MessageView of(Message message) {
            String audioUrl = message.audioKey == null ? null
                    : message.replyId != null ? "/api/requests/" + message.requestId + "/replies/" + message.replyId
                    + "/audio"
                    : "/api/requests/" + message.requestId + "/audio";
            return new MessageView(message.direction.name(), message.channel, message.text, audioUrl,
                    message.by == null ? null : message.by.username, IsoTime.format(message.at));
        }
    }

    public record ReplyView(UUID id, String text, String audioUrl, String by, String at) {

        static ReplyView of(Reply reply) {
            return new ReplyView(reply.id, reply.text,
                    reply.audioKey == null ? null
                            : "/api/requests/" + reply.requestId + "/replies/" + reply.id + "/audio",
                    reply.by.username, IsoTime.format(reply.at));
        }
    }

    /**
     * One delivery of an answer. A failed one that was sent again names its successor in {@code replacedBy}; the
     * successor names it in {@code replaces}. {@code address} is null when it is the request's own.
     */
    public record DeliveryView(String channel, String status, int attempts, String providerId, String error,
                               String updatedAt, UUID id, UUID replyId, String address, UUID replaces,
                               UUID replacedBy) {

        static DeliveryView of(Delivery delivery, List<Delivery> all) {
            UUID replacedBy = all.stream().filter(other -> delivery.id.equals(other.replaces))
                    .map(other -> other.id).findFirst().orElse(null);
            return new DeliveryView(delivery.channel, delivery.status.name(), delivery.attempts,
                    delivery.providerId, delivery.lastError, IsoTime.format(delivery.updatedAt), delivery.id,
                    delivery.replyId, delivery.address, delivery.replaces, replacedBy);
        }
    }

    public record EventView(String at, String type, String detail) {

        static EventView of(RequestEvent event) {
            return new EventView(IsoTime.format(event.at), event.type, event.detail);
        }
    }
}
