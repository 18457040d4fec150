package dev.nohold.core.agent;

import java.util.Locale;

/** What an account may do: agents answer, supervisors see everything, admins also manage accounts. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public static final String AGENT_NAME = "agent";
    public static final String SUPERVISOR_NAME = "supervisor";
    public static final String ADMIN_NAME = "admin";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + name + "': use agent, supervisor or admin");
        }
    }
}
