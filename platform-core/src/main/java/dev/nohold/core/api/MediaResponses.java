package dev.nohold.core.api;

import dev.nohold.core.Refusal;
import dev.nohold.core.media.MediaItem;
import dev.nohold.core.media.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Builds every HTTP answer that carries stored media: the type detected from the bytes (never an uploader's
 * claim), {@code nosniff} so no browser second-guesses it, an inline file name, and single byte ranges so an
 * {@code <audio>} element can seek; only the asked bytes are read from the store. Items never change once
 * stored, so their ETag holds for good; the cache is private because every item is behind a login.
 */
@ApplicationScoped
public class MediaResponses {

    private final MediaStore media;

    public MediaResponses(MediaStore media) {
        this.media = media;
    }

    /** The item for a GET carrying these headers; {@code name} is the file name without its extension. */
    public Response serve(MediaItem item, String name, HttpHeaders request) {
        String etag = "\"" + (item.sha256() != null ? item.sha256() : item.key().replace('/', '-')) + "\"";
        if (etag.equals(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            return common(Response.notModified(), item, name, etag).build();
        }
        ByteRange.Asked asked = ByteRange.of(request.getHeaderString("Range"), item.size());
        if (!asked.satisfiable()) {
            return common(Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE), item, name, etag)
                    .header("Content-Range", "bytes */" + item.size())
                    .build();
        }
        Optional<ByteRange> range = asked.range();
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(item.size());
        byte[] bytes = media.read(item.key(), first, Math.toIntExact(length))
                .orElseThrow(() -> Refusal.notFound("The recording is missing"));
        Response.ResponseBuilder answer = range.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT)
                        .header("Content-Range", range.get().contentRange(item.size()))
                : Response.ok();
        return common(answer.entity(bytes), item, name, etag).build();
    }

    private static Response.ResponseBuilder common(Response.ResponseBuilder answer, MediaItem item, String name,
                                                   String etag) {
        return answer.type(item.mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "."
                        + item.format().extension() + "\"")
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private");
    }
}
