package dev.nohold.tck.sample;

import jakarta.enterprise.context.ApplicationScoped;

/** Broken on purpose: it never checks the provider's signature, so a forged message becomes a request. */
@ApplicationScoped
public class TrustingChannel extends SampleChannel {

    @Override
    public String id() {
        return "sample-trusting";
    }

    @Override
    protected void checkSignature(SampleProvider.Message message) {
        // the mistake under test
    }
}
