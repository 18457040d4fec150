package dev.nohold.core.agent;

import java.util.List;

/** What an admin changes in an account; a null field is left as it is, and an empty phone removes it. */
public record AccountChanges(String displayName, String phone, List<String> skills, List<String> roles,
                             Integer capacity, List<String> languages) {
}
