package dev.nohold.core.session;

import io.quarkus.security.AuthenticationFailedException;

/**
 * The password was right but an admin disabled the account. Travels as the cause of an
 * {@link AuthenticationFailedException}, like {@link LoginsSuspended}, so the login page can say so; it is only ever
 * told to whoever knows the password.
 */
public class AccountDisabled extends RuntimeException {

    AccountDisabled() {
        super("This account is disabled; ask an admin", null, false, false);
    }

    AuthenticationFailedException asAuthenticationFailure() {
        return new AuthenticationFailedException(getMessage(), this);
    }

    /** Whether a failed authentication failed because the account is disabled. */
    public static boolean causing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccountDisabled) {
                return true;
            }
        }
        return false;
    }
}
