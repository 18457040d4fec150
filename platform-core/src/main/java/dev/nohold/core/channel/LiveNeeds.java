package dev.nohold.core.channel;

/**
 * What an agent must have to take one live contact.
 *
 * @param phone a phone number to be connected on (a voice call is dialed to it)
 * @param skill a skill the agent must list, or null for any agent
 */
public record LiveNeeds(boolean phone, String skill) {

    /** Any agent who can be phoned. */
    public static LiveNeeds aPhone() {
        return new LiveNeeds(true, null);
    }

    public LiveNeeds withSkill(String required) {
        return new LiveNeeds(phone, required);
    }
}
