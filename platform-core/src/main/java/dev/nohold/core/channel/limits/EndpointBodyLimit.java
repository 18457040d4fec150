package dev.nohold.core.channel.limits;

/**
 * A body size limit for the endpoints under one path, tighter than the platform-wide
 * {@code quarkus.http.limits.max-body-size} (which is sized for voice recordings). A channel produces one as a CDI
 * bean ({@code @Produces}) for its webhooks; the core refuses a larger announced body with 413 and the contract's JSON
 * error before a byte of it is read, signature checks included. The longest matching prefix wins.
 *
 * @param pathPrefix where it applies, e.g. {@code /channels/sms/}
 * @param maxBytes   the largest body taken
 * @param what       who refuses, in words: "an SMS webhook"
 */
public record EndpointBodyLimit(String pathPrefix, long maxBytes, String what) {
}
