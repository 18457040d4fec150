package dev.nohold.core.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} before it is read, with the same
 * JSON error as every other refusal (Quarkus's own check answers 413 with an empty body).
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String body = "{\"error\":\"The body is larger than the " + max / (1024 * 1024)
                + " MiB this platform accepts\"}";
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null && isOver(announced, max)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(String announced, long max) {
        try {
            return Long.parseLong(announced.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
