package dev.nohold.core.media;

/**
 * One stored recording or voice reply: its key, the type detected from its bytes, its size and, where the store
 * keeps it, the hex SHA-256 of its bytes (what an ETag is made of).
 */
public record MediaItem(String key, MediaFormat format, long size, String sha256) {

    public String mediaType() {
        return format.mediaType();
    }
}
