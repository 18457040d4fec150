package dev.nohold.core.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechModelLocationTest {

    @TempDir
    Path dataDir;

    @Test
    void theBundledEnglishModelIsUsedInPlaceFromTheBuild() {
        Path model = ModelLocation.resolve(Optional.empty(), dataDir);

        assertTrue(Files.isRegularFile(model.resolve("am/final.mdl")), model.toString());
        assertTrue(model.endsWith(Path.of("vosk-model", "model-en-us")), model.toString());
    }

    @Test
    void aConfiguredModelFolderReplacesTheBundledOne() throws IOException {
        Path other = Files.createDirectories(dataDir.resolve("vosk-model-fr/am"));

        assertEquals(other.getParent(), ModelLocation.resolve(Optional.of(other.getParent().toString()), dataDir));
    }

    @Test
    void aConfiguredFolderThatIsNoModelIsNamedInTheError() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ModelLocation.resolve(Optional.of(dataDir.toString()), dataDir));

        assertTrue(refused.getMessage().contains("is not a Vosk model folder"), refused.getMessage());
    }
}
