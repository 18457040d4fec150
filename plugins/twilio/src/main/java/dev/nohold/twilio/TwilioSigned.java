package dev.nohold.twilio;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a webhook resource (or one of its methods) that only Twilio may call: {@link TwilioSignatureFilter} checks
 * the {@code X-Twilio-Signature} before the resource reads anything, so a forged call is refused (403) and stores
 * nothing.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TwilioSigned {
}
