package dev.nohold.core.api;

/** A password was set: the generated one, shown this once (null when the admin chose it). */
public record PasswordReset(String username, String generatedPassword) {
}
