package dev.nohold.core.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nohold.media.directory} sends media to that directory; without it they go to the database. */
class ConfiguredDirectoryReplacesTheDatabaseTest {

    @TempDir
    Path work;

    @Test
    void aConfiguredDirectoryReceivesTheMedia() {
        Path shared = work.resolve("shared-media");
        MediaStore store = MediaStores.choose(Optional.of(shared.toString()), work.resolve("data").toString(), null,
                Clock.systemUTC());

        MediaItem item = store.put("fLaC-a-voice".getBytes(StandardCharsets.US_ASCII));

        assertTrue(Files.isRegularFile(shared.resolve(item.key())), item.key());
        assertTrue(Files.notExists(work.resolve("data")));
    }

    @Test
    void withoutOneMediaGoToTheDatabase() {
        assertInstanceOf(DatabaseMediaStore.class,
                MediaStores.choose(Optional.empty(), work.toString(), null, Clock.systemUTC()));
    }
}
