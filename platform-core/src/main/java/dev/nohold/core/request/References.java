package dev.nohold.core.request;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;

/** Makes the short codes customers are told: easy to read aloud and type, with no 0/O or 1/I/L to confuse. */
@ApplicationScoped
public class References {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    /** A reference not yet used by any request. */
    public String next() {
        String candidate;
        do {
            candidate = random();
        } while (Request.count("reference", candidate) > 0);
        return candidate;
    }

    /**
     * A reference drawn without asking the database whether it is taken (one in 887 million is): for the intake
     * journal, whose drain checks it when it makes the request and draws again in that rare case.
     */
    public String fresh() {
        return random();
    }

    private String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
