package dev.nohold.core.api;

import java.util.List;

/** One page of a request search and the total it was cut from. */
public record RequestPage(List<RequestSummary> items, long total) {
}
