package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.request.Request;

import java.util.UUID;

/** A request in a list. */
public record RequestSummary(UUID id, String reference, String channel, String from, String status, String text,
                             String audioUrl, String assignedTo, String createdAt) {

    static RequestSummary of(Request request) {
        return new RequestSummary(request.id, request.reference, request.channel, request.from,
                request.status.name(), request.text, audioUrl(request), assignee(request),
                IsoTime.format(request.createdAt));
    }

    static String audioUrl(Request request) {
        return request.audioKey == null ? null : "/api/requests/" + request.id + "/audio";
    }

    static String assignee(Request request) {
        return request.assignedTo == null ? null : request.assignedTo.username;
    }
}
