package dev.nohold.core.request;

import java.util.List;

/** One page of a request search and the total it was cut from. */
public record RequestPage(List<Request> items, long total) {
}
