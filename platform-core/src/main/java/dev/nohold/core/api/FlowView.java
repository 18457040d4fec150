package dev.nohold.core.api;

import dev.nohold.core.flow.FlowCatalog;

/** A flow as listed: {@code id}, {@code name}, {@code active} (the contract's names), and its newest version. */
public record FlowView(String id, String name, boolean active, int version) {

    static FlowView of(FlowCatalog.Summary summary) {
        return new FlowView(summary.id(), summary.name(), summary.active(), summary.version());
    }
}
