package dev.nohold.twilio;

import com.twilio.http.TwilioRestClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one Twilio REST client of the platform, built on first use from {@link TwilioConfig} and aimed at
 * {@code nohold.twilio.api-url}. Shared by the SMS channel and the voice channel.
 */
@ApplicationScoped
public class TwilioClients {

    private final TwilioConfig config;
    private final AtomicReference<TwilioRestClient> client = new AtomicReference<>();

    public TwilioClients(TwilioConfig config) {
        this.config = config;
    }

    /**
     * The client for the configured account.
     *
     * @throws IllegalStateException when the account SID or auth token is not configured
     */
    public TwilioRestClient rest() {
        TwilioRestClient existing = client.get();
        if (existing != null) {
            return existing;
        }
        String accountSid = config.accountSid().orElseThrow(() -> missing("nohold.twilio.account-sid"));
        String authToken = config.authToken().orElseThrow(() -> missing("nohold.twilio.auth-token"));
        TwilioRestClient built = new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new ApiUrlHttpClient(config.apiUrl()))
                .build();
        return client.compareAndSet(null, built) ? built : client.get();
    }

    /** The number messages and calls go out from. */
    public String phoneNumber() {
        return config.phoneNumber().orElseThrow(() -> missing("nohold.twilio.phone-number"));
    }

    /** The first setting the Twilio channels still need, or empty when the account is configured. */
    public Optional<String> missing() {
        if (config.accountSid().isEmpty()) {
            return Optional.of("nohold.twilio.account-sid is not set");
        }
        if (config.authToken().isEmpty()) {
            return Optional.of("nohold.twilio.auth-token is not set");
        }
        if (config.phoneNumber().isEmpty()) {
            return Optional.of("nohold.twilio.phone-number is not set");
        }
        return Optional.empty();
    }

    private static IllegalStateException missing(String property) {
        return new IllegalStateException("Twilio is not configured: set " + property);
    }
}
