package dev.nohold.core.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Browser sessions' and login throttling's typed configuration; every default lives here and in the README. */
@ConfigMapping(prefix = "nohold.session")
public interface SessionConfig {

    /** A session unused this long ends (each call made with it counts as use). */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A session ends this long after its login, however busy it is. */
    @WithDefault("12h")
    Duration absoluteTimeout();

    FailedLogins failedLogins();

    interface FailedLogins {
        /** How far back failed logins count. */
        @WithDefault("15m")
        Duration window();

        /** Failed logins for one username within the window after which that username is refused until they age out. */
        @WithDefault("5")
        int perUsername();

        /**
         * Failed logins from one client address within the window after which that address is refused; higher than
         * the per-username limit because an office shares one address.
         */
        @WithDefault("20")
        int perAddress();
    }
}
