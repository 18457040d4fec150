package dev.nohold.channel.webchat;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sites whose pages may hold the chat: the platform's own origin ({@code nohold.public-url}) and those configured
 * in {@code nohold.webchat.allowed-origins}. The widget frames {@code /chat}, so this list is the page's
 * {@code frame-ancestors}; the socket accepts these origins and its own.
 */
@ApplicationScoped
public class AllowedOrigins {

    private final Set<String> origins = new LinkedHashSet<>();

    public AllowedOrigins(NoholdConfig core, WebChatConfig config) {
        origins.add(origin(core.publicUrl()));
        config.allowedOrigins().ifPresent(list -> list.stream().map(String::strip).filter(value -> !value.isEmpty())
                .map(AllowedOrigins::origin).forEach(origins::add));
    }

    /** Whether a browser's {@code Origin} header names an allowed site, or the server the request reached itself. */
    public boolean allows(String origin, String scheme, String host) {
        if (origin == null) {
            // Not a browser (browsers always send Origin on a WebSocket): there is no page to protect.
            return true;
        }
        String normalized = origin(origin);
        return origins.contains(normalized) || (host != null && normalized.equals(origin(scheme + "://" + host)));
    }

    /** The page's frame-ancestors: itself and the allowed sites. */
    public String frameAncestors() {
        StringBuilder sources = new StringBuilder("'self'");
        origins.forEach(origin -> sources.append(' ').append(origin));
        return sources.toString();
    }

    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.strip().toLowerCase(Locale.ROOT);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }
}
