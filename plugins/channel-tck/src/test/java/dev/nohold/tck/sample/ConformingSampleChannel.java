package dev.nohold.tck.sample;

import jakarta.enterprise.context.ApplicationScoped;

/** The sample channel as it should be: the kit passes it. */
@ApplicationScoped
public class ConformingSampleChannel extends SampleChannel {

    @Override
    public String id() {
        return "sample";
    }
}
