package dev.nohold.twilio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The Twilio account the SMS and voice channels use, under {@code nohold.twilio.*}. Credentials are optional so the
 * platform starts without them; a channel that needs them says so when it is used.
 */
@ConfigMapping(prefix = "nohold.twilio")
public interface TwilioConfig {

    /** The account SID ({@code AC…}): the user name of every REST call. */
    Optional<String> accountSid();

    /** The auth token: the REST password and the key webhook signatures are checked with. */
    Optional<String> authToken();

    /** The number SMS and callbacks are sent from, in E.164. */
    Optional<String> phoneNumber();

    /** Base URL of Twilio's REST API; tests point it at a local stand-in. */
    @WithDefault("https://api.twilio.com")
    String apiUrl();
}
