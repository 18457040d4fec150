package dev.nohold.channel.email;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * The Camel mail endpoints of the configured servers. Credentials go in as {@code RAW(…)} so no character of a
 * password is read as URI syntax; the URIs are never logged.
 */
@ApplicationScoped
public class MailEndpoints {

    private static final int CONNECTION_TIMEOUT_MS = 10_000;

    private final EmailConfig config;

    public MailEndpoints(EmailConfig config) {
        this.config = config;
    }

    /**
     * The mailbox, polled every {@code poll-interval}. IMAP marks a mail seen once it is handled (and reads only
     * unseen ones); POP3 knows no "seen", so a handled mail is deleted from the server.
     */
    String mailbox() {
        EmailConfig.Incoming in = config.incoming();
        String protocol = in.protocol().toLowerCase(Locale.ROOT);
        boolean pop3 = protocol.startsWith("pop3");
        return protocol + "://" + in.host().orElseThrow() + port(in.port().isPresent() ? in.port().getAsInt() : null)
                + "?" + credentials(in.username(), in.password())
                + "folderName=" + in.folder()
                + "&delay=" + config.pollInterval().toMillis() + "&initialDelay=0"
                + "&mapMailMessage=false&connectionTimeout=" + CONNECTION_TIMEOUT_MS
                + "&bridgeErrorHandler=true&sendEmptyMessageWhenIdle=true"
                + (pop3 ? "&delete=true" : "&unseen=true&delete=false&peek=true");
    }

    /** The server answers leave through. */
    String outbox() {
        EmailConfig.Outgoing out = config.outgoing();
        return out.protocol().toLowerCase(Locale.ROOT) + "://" + out.host().orElseThrow()
                + port(out.port().isPresent() ? out.port().getAsInt() : null)
                + "?" + credentials(out.username(), out.password())
                + "connectionTimeout=" + CONNECTION_TIMEOUT_MS + "&contentType=text/plain;charset=UTF-8";
    }

    private static String port(Integer port) {
        return port == null ? "" : ":" + port;
    }

    private static String credentials(Optional<String> username, Optional<String> password) {
        return username.map(user -> "username=RAW(" + user + ")&").orElse("")
                + password.map(secret -> "password=RAW(" + secret + ")&").orElse("");
    }
}
