package dev.nohold.core.agent;

import java.util.List;

/**
 * What it takes to open an agent account; null fields take their defaults (role agent, capacity 1, any language).
 */
public record AccountDraft(String username, String password, String displayName, String phone, List<String> skills,
                           List<String> roles, Integer capacity, List<String> languages) {

    public AccountDraft(String username, String password, String displayName, String phone, List<String> skills,
                        List<String> roles, Integer capacity) {
        this(username, password, displayName, phone, skills, roles, capacity, null);
    }
}
