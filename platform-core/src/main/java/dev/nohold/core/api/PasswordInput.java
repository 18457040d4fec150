package dev.nohold.core.api;

/** The password an admin sets for an agent; absent or empty: the platform generates one. */
public record PasswordInput(String password) {
}
