package dev.nohold.core.api;

import dev.nohold.core.agent.AccountDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an admin sends to create an agent. */
public record NewAgent(
        @NotBlank(message = "username is required")
        @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "username may use letters, digits and . _ @ - (at most 100)")
        String username,
        @NotBlank(message = "password is required")
        @Size(min = 8, max = 72, message = "password must be 8 to 72 characters")
        String password,
        @Size(max = 200, message = "displayName is at most 200 characters")
        String displayName,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "phone must be in E.164 form, like +14155550100")
        String phone,
        List<@NotBlank(message = "a skill cannot be blank") String> skills,
        List<String> roles,
        @Min(value = 1, message = "capacity is at least 1")
        @Max(value = 100, message = "capacity is at most 100")
        Integer capacity,
        List<@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "a language is a tag like en or fr-CA")
                String> languages) {

    AccountDraft toDraft() {
        return new AccountDraft(username, password, displayName, phone, skills, roles, capacity, languages);
    }
}
