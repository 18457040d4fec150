package dev.nohold.core.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/** What every server-rendered page answers with: its security headers, and redirects between pages. */
final class Pages {

    /**
     * Pages load nothing from elsewhere and run no inline script, and no other site may frame them. A voice reply
     * recorded in the inbox is played back from a blob: URL before it is sent.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; media-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private Pages() {
    }

    static Response.ResponseBuilder page(int status, Object entity) {
        return Response.status(status).entity(entity)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin");
    }

    /** 303, so the browser follows with a GET whatever method led here. */
    static Response.ResponseBuilder seeOther(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store");
    }
}
