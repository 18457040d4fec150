package dev.nohold.core.web;

import dev.nohold.core.Refusal;
import dev.nohold.core.session.AccountDisabled;
import dev.nohold.core.session.LoginForm;
import dev.nohold.core.session.LoginsSuspended;
import dev.nohold.core.session.SessionAuthenticationMechanism;
import dev.nohold.core.session.SessionCookies;
import dev.nohold.core.session.SessionCsrfCheck;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

/** The login page, the form it posts, logging out, and {@code /} sending a browser to the inbox or the login. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String csrfToken, String username, String error);
    }

    private final SecurityIdentity identity;
    private final LoginForm loginForm;
    private final SessionCookies cookies;

    public LoginPage(SecurityIdentity identity, LoginForm loginForm, SessionCookies cookies) {
        this.identity = identity;
        this.loginForm = loginForm;
        this.cookies = cookies;
    }

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Pages.seeOther(identity.isAnonymous() ? "/login" : "/inbox").build();
    }

    @GET
    @Path("/login")
    @Operation(hidden = true)
    public Response form(@RestCookie(SessionCookies.LOGIN_CSRF) String csrfCookie) {
        // Shown also to a browser already logged in: logging in again (perhaps as someone else) opens a new session.
        return loginPage(200, csrfCookie, "", null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logIn(@RestForm String username, @RestForm String password,
                          @RestForm(SessionCsrfCheck.FORM_FIELD) String csrfToken,
                          @RestCookie(SessionCookies.LOGIN_CSRF) String csrfCookie,
                          @RestCookie(SessionAuthenticationMechanism.COOKIE) String earlierSession,
                          RoutingContext routing) {
        String name = username == null ? "" : username.strip();
        if (!LoginForm.csrfTokenMatches(csrfToken, csrfCookie)) {
            return loginPage(403, null, name, "This login form has expired. Please enter your username and password again.");
        }
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return loginPage(400, csrfCookie, name, "Enter your username and your password.");
        }
        try {
            var session = loginForm.logIn(name, password, earlierSession, routing);
            return Pages.seeOther("/inbox").cookie(cookies.session(session), cookies.loginCsrfUsed()).build();
        } catch (AuthenticationFailedException failed) {
            return LoginsSuspended.causing(failed)
                    .map(suspended -> Response.fromResponse(loginPage(429, csrfCookie, name, suspended.getMessage() + "."))
                            .header(HttpHeaders.RETRY_AFTER, suspended.retryAfterSeconds()).build())
                    .orElseGet(() -> loginPage(401, csrfCookie, name, AccountDisabled.causing(failed)
                            ? "This account is disabled; ask an admin." : "Wrong username or password."));
        }
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logOut(@RestForm(SessionCsrfCheck.FORM_FIELD) String csrfToken,
                           @RestCookie(SessionAuthenticationMechanism.COOKIE) String session) {
        if (SessionCsrfCheck.sessionCsrfToken(identity) != null && !SessionCsrfCheck.matches(identity, csrfToken)) {
            // Only the inbox's own page knows the token: no other site can log anyone out.
            throw Refusal.forbidden("This logout form did not come from the inbox: reload the inbox and log out again");
        }
        loginForm.logOut(session);
        return Pages.seeOther("/login").cookie(cookies.sessionEnded()).build();
    }

    /** The form, with its CSRF token (the one the browser holds, or a new one set as a cookie beside it). */
    private Response loginPage(int status, String csrfCookie, String username, String error) {
        boolean fresh = csrfCookie == null || csrfCookie.isBlank();
        String token = fresh ? loginForm.newCsrfToken() : csrfCookie;
        Response.ResponseBuilder page = Pages.page(status, Templates.login(token, username, error));
        return (fresh ? page.cookie(cookies.loginCsrf(token)) : page).build();
    }
}
