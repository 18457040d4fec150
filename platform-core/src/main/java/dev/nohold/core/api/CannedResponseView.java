package dev.nohold.core.api;

import dev.nohold.core.canned.CannedResponse;

import java.util.UUID;

/** A canned response as agents pick it: its title, and its text with placeholders such as {reference}. */
public record CannedResponseView(UUID id, String title, String text) {

    static CannedResponseView of(CannedResponse canned) {
        return new CannedResponseView(canned.id, canned.title, canned.body);
    }
}
