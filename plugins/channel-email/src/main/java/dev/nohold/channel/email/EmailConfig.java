package dev.nohold.channel.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The e-mail channel's settings ({@code nohold.email.*}). Without an address and both servers the channel is present
 * but not configured: it polls nothing, says so in {@code GET /api/channels} and the health check, and refuses to
 * deliver with that reason.
 */
@ConfigMapping(prefix = "nohold.email")
public interface EmailConfig {

    /** Our mailbox's address: the From of every answer, and mail from it is never a request (a loop). */
    Optional<String> address();

    /** The name answers are signed with in their From header. */
    @WithDefault("Customer service")
    String displayName();

    /** How often the mailbox is read. */
    @WithDefault("30s")
    Duration pollInterval();

    /** Mail whose {@code Authentication-Results} say the sender's domain refused it (DMARC or SPF fail) is dropped. */
    @WithDefault("true")
    boolean refuseFailedAuthentication();

    /** A larger attachment is not kept (its name is noted); the mail itself is still taken. */
    @WithDefault("10M")
    io.quarkus.runtime.configuration.MemorySize maxAttachmentSize();

    Incoming incoming();

    Outgoing outgoing();

    /** The mailbox customers write to. */
    interface Incoming {
        /** {@code imaps}, {@code imap}, {@code pop3s} or {@code pop3}. */
        @WithDefault("imaps")
        String protocol();

        Optional<String> host();

        /** The protocol's usual port when unset. */
        OptionalInt port();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("INBOX")
        String folder();
    }

    /** The server answers are sent through. */
    interface Outgoing {
        /** {@code smtp} (with STARTTLS when the server offers it) or {@code smtps}. */
        @WithDefault("smtp")
        String protocol();

        Optional<String> host();

        OptionalInt port();

        Optional<String> username();

        Optional<String> password();
    }

    /** What is missing before the channel can work, or empty when nothing is. */
    default Optional<String> missing() {
        if (address().isEmpty()) {
            return Optional.of("nohold.email.address is not set");
        }
        if (incoming().host().isEmpty()) {
            return Optional.of("nohold.email.incoming.host is not set");
        }
        if (outgoing().host().isEmpty()) {
            return Optional.of("nohold.email.outgoing.host is not set");
        }
        return Optional.empty();
    }
}
