package dev.nohold.core.media;

import java.util.Optional;

/** Where recordings and voice replies are kept; the request rows hold only their keys. */
public interface MediaStore {

    /** Stores the bytes durably and returns the key to load them with. */
    String store(byte[] bytes, String mediaType);

    Optional<byte[]> load(String key);
}
