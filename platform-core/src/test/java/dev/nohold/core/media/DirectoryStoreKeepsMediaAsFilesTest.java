package dev.nohold.core.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store behind {@code nohold.media.directory}: files in the shared directory, typed and read in ranges. */
class DirectoryStoreKeepsMediaAsFilesTest {

    @TempDir
    Path shared;

    @Test
    void anItemIsAFileTypedByItsBytesAndReadInRanges() throws Exception {
        byte[] ogg = "OggS-the-rest-of-a-voice-note".getBytes(StandardCharsets.US_ASCII);
        DiskMediaStore store = new DiskMediaStore(shared);

        MediaItem stored = store.put(ogg);

        assertArrayEquals(ogg, Files.readAllBytes(shared.resolve(stored.key())));
        MediaItem found = store.find(stored.key()).orElseThrow();
        assertEquals("audio/ogg", found.mediaType());
        assertEquals(ogg.length, found.size());
        assertArrayEquals("the".getBytes(StandardCharsets.US_ASCII), store.read(stored.key(), 5, 3).orElseThrow());
        assertArrayEquals("note".getBytes(StandardCharsets.US_ASCII),
                store.read(stored.key(), ogg.length - 4, 100).orElseThrow());
        assertArrayEquals(ogg, store.load(stored.key()).orElseThrow());
    }

    @Test
    void aKeyOutsideTheStoresFormIsNeverResolvedAgainstTheDirectory() {
        DiskMediaStore store = new DiskMediaStore(shared.resolve("media"));
        assertTrue(store.find("../../etc/passwd").isEmpty());
        assertTrue(store.find("ab/" + "0".repeat(36)).isEmpty());
    }
}
