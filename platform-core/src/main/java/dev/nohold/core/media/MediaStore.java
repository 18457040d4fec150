package dev.nohold.core.media;

import java.util.Optional;

/**
 * Where recordings and voice replies are kept; the request and reply rows hold only their keys. Every item is
 * immutable once stored, and its media type is the one detected from its bytes ({@link MediaFormat}).
 */
public interface MediaStore {

    /** Stores the bytes durably (in the caller's transaction, where the store is transactional) and describes them. */
    MediaItem put(byte[] bytes);

    /** What is stored under the key, without its bytes. */
    Optional<MediaItem> find(String key);

    /** Up to {@code length} bytes of the item from {@code offset} (0-based); empty when there is no such item. */
    Optional<byte[]> read(String key, long offset, int length);

    /**
     * Stores the bytes and returns their key. The claimed type is not trusted and not kept: what is served is the
     * type detected from the bytes. Kept for the callers that predate {@link #put(byte[])}.
     */
    default String store(byte[] bytes, String claimedType) {
        return put(bytes).key();
    }

    /** The whole item. */
    default Optional<byte[]> load(String key) {
        return find(key).flatMap(item -> read(key, 0, Math.toIntExact(item.size())));
    }
}
