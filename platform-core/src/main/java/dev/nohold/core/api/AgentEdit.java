package dev.nohold.core.api;

import dev.nohold.core.agent.AccountChanges;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an admin changes in an account (PATCH): absent fields stay as they are; {@code "phone": ""} removes it. */
public record AgentEdit(
        @Size(max = 200, message = "displayName is at most 200 characters")
        String displayName,
        @Pattern(regexp = "(\\+[1-9][0-9]{6,14})?", message = "phone must be in E.164 form, like +14155550100, or empty")
        String phone,
        List<@NotBlank(message = "a skill cannot be blank") String> skills,
        List<String> roles,
        @Min(value = 1, message = "capacity is at least 1")
        @Max(value = 100, message = "capacity is at most 100")
        Integer capacity,
        List<@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "a language is a tag like en or fr-CA")
                String> languages) {

    AccountChanges toChanges() {
        return new AccountChanges(displayName, phone, skills, roles, capacity, languages);
    }
}
