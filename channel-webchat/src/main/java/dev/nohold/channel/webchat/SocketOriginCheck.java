package dev.nohold.channel.webchat;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the chat socket's upgrade (403) to a page of a site that is not allowed: a browser always sends its page's
 * {@code Origin}, so another site's script cannot open a chat in the customer's name.
 */
@ApplicationScoped
public class SocketOriginCheck implements HttpUpgradeCheck {

    private final AllowedOrigins origins;

    public SocketOriginCheck(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (origins.allows(request.getHeader("Origin"), request.scheme(), request.getHeader("Host"))) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }
}
