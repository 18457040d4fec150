package dev.nohold.core.api;

import dev.nohold.core.channel.limits.EndpointBodyLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} before it is read, with the same
 * JSON error as every other refusal (Quarkus's own check answers 413 with an empty body); and, tighter, a body to an
 * endpoint with its own {@link EndpointBodyLimit} (a channel's webhooks) larger than that limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                 Instance<EndpointBodyLimit> endpointLimits) {
        long max = limit.asLongValue();
        String body = "{\"error\":\"The body is larger than the " + max / (1024 * 1024)
                + " MiB this platform accepts\"}";
        List<EndpointBodyLimit> endpoints = endpointLimits.stream()
                .sorted(Comparator.comparingInt((EndpointBodyLimit e) -> e.pathPrefix().length()).reversed())
                .toList();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long announced = announced(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
            if (announced > max) {
                refuse(context, body);
                return;
            }
            String path = context.request().path();
            for (EndpointBodyLimit endpoint : endpoints) {
                if (path != null && path.startsWith(endpoint.pathPrefix())) {
                    if (announced > endpoint.maxBytes()) {
                        refuse(context, "{\"error\":\"The body is " + announced + " bytes; " + endpoint.what()
                                + " takes at most " + endpoint.maxBytes() + "\"}");
                        return;
                    }
                    break;
                }
            }
            context.next();
        });
    }

    private static void refuse(RoutingContext context, String body) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    /** The announced length, or -1 when none is announced (a chunked body meets the endpoint's own check). */
    private static long announced(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
