package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.request.Request;

import java.util.UUID;

/** One of a customer's requests, as their history lists it. */
public record CustomerRequestView(UUID id, String reference, String channel, String status, String createdAt) {

    static CustomerRequestView of(Request request) {
        return new CustomerRequestView(request.id, request.reference, request.channel, request.status.name(),
                IsoTime.format(request.createdAt));
    }
}
