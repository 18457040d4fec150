package dev.nohold.twilio;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Checks every call to a {@link TwilioSigned} resource against {@code X-Twilio-Signature}. A form-encoded body is read
 * here, checked, and put back for the resource; a GET is checked over its URL alone. It runs after the channels'
 * size limits ({@link Priorities#USER} and later), so an oversized body is refused before it is read.
 */
@Provider
@TwilioSigned
@Priority(Priorities.USER + 100)
public class TwilioSignatureFilter implements ContainerRequestFilter {

    private final TwilioSignature signature;

    public TwilioSignatureFilter(TwilioSignature signature) {
        this.signature = signature;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            byte[] body = body(request);
            request.setEntityStream(new ByteArrayInputStream(body));
            form = parse(new String(body, StandardCharsets.UTF_8));
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String pathAndQuery = request.getUriInfo().getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        signature.verify(pathAndQuery, form, request.getHeaderString(TwilioSignature.HEADER));
    }

    private static byte[] body(ContainerRequestContext request) {
        try {
            return request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The webhook's body could not be read", e);
        }
    }

    private static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}
