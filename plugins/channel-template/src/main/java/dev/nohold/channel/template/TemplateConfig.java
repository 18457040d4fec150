package dev.nohold.channel.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The template channel's settings, {@code nohold.template.*}: one typed place, each row in the README's table. */
@ConfigMapping(prefix = "nohold.template")
public interface TemplateConfig {

    /** The secret the provider signs its calls with; without it the channel takes nothing and says so. */
    Optional<String> secret();

    /** Where the provider's API takes outgoing messages. */
    Optional<String> apiUrl();

    @WithDefault("10s")
    Duration timeout();

    /** What is missing before the channel can work, or empty. */
    default Optional<String> missing() {
        if (secret().filter(value -> !value.isBlank()).isEmpty()) {
            return Optional.of("nohold.template.secret is not set");
        }
        if (apiUrl().isEmpty()) {
            return Optional.of("nohold.template.api-url is not set");
        }
        return Optional.empty();
    }
}
