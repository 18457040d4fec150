package dev.nohold.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.nohold.core.Refusal;
import dev.nohold.core.channel.limits.IntakeLimited;
import dev.nohold.core.session.LoginsSuspended;
import dev.nohold.core.session.SessionAuthenticationMechanism;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLTransientConnectionException;
import java.util.stream.Collectors;

/** Turns every error a caller can meet into {@code {"error": …}} with the status that fits, in one place. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    static final String BASIC_CHALLENGE = "Basic realm=\"Nohold\"";

    @ServerExceptionMapper
    public Response refusal(Refusal refusal) {
        return error(refusal.status(), refusal.getMessage());
    }

    @ServerExceptionMapper
    public Response intakeLimited(IntakeLimited limited) {
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(limited.getMessage()))
                .build();
    }

    /**
     * 401 with the Basic challenge, except for a browser holding the inbox's session cookie: it gets a bare 401 so it
     * never shows a password dialog over the inbox (its session ended; the inbox sends it to the login page). Too many
     * failed logins lately: 429 with Retry-After.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, HttpHeaders headers) {
        var suspended = LoginsSuspended.causing(e);
        if (suspended.isPresent()) {
            return Response.status(429)
                    .header(HttpHeaders.RETRY_AFTER, suspended.get().retryAfterSeconds())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(suspended.get().getMessage()))
                    .build();
        }
        if (headers.getCookies().containsKey(SessionAuthenticationMechanism.COOKIE)
                && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return error(401, "Your session has ended: log in again");
        }
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("Log in first: this call needs a valid username and password"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "Your account's roles do not allow this call");
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return error(400, message);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return error(400, "The body is not the JSON this call takes: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource does not produce the requested media type";
            case 413 -> "The body is too large";
            case 415 -> "This media type is not accepted here";
            default -> e.getMessage();
        };
        if (status == 400 && e.getCause() != null) {
            message = "Bad request: " + e.getCause().getMessage();
        }
        return error(status, message);
    }

    @ServerExceptionMapper({JDBCConnectionException.class, SQLTransientConnectionException.class})
    public Response databaseDown(Exception e) {
        LOG.warnf("Database unreachable: %s", e.getMessage());
        return error(503, "The database is unreachable; try again shortly");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (causedByDatabaseOutage(e)) {
            return databaseDown(e);
        }
        LOG.error("Unexpected error", e);
        return error(500, "Something went wrong on our side; it has been logged");
    }

    /**
     * A connection lost or refused (SQLState class 08), or PostgreSQL shutting down, restarting or starting up under
     * the statement (57P01 to 57P03: "terminating connection due to administrator command" and the like), anywhere
     * among the causes or the suppressed exceptions: a commit cut off by a restart reaches us as Narayana's
     * RollbackException (wrapped by ArC as "Error invoking subclass method") carrying the driver's error only as a
     * suppressed XAException, which the chaos run saw answered 500. The caller retries a 503; intake collapses the
     * retry by its provider id whether or not the commit went through.
     */
    static boolean causedByDatabaseOutage(Throwable e) {
        return causedByDatabaseOutage(e, 0);
    }

    private static boolean causedByDatabaseOutage(Throwable e, int depth) {
        if (e == null || depth > 16) {
            return false;
        }
        if (e instanceof JDBCConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (causedByDatabaseOutage(suppressed, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && causedByDatabaseOutage(e.getCause(), depth + 1);
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(message)).build();
    }
}
