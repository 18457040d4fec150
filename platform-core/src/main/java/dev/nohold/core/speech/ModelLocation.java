package dev.nohold.core.speech;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Vosk model folder: the configured {@code nohold.speech.model-path}, or else the English model the build
 * bundles as classpath resources. Vosk reads a model from a folder, so a bundled model inside a jar (the packaged
 * {@code quarkus-app}) is copied once under {@code <data-dir>/models/}, keyed by the model's uuid; from a build's
 * {@code target/classes} it is used in place.
 */
public final class ModelLocation {

    static final String BUNDLED = "vosk-model/model-en-us";
    private static final Logger LOG = Logger.getLogger(ModelLocation.class);

    private ModelLocation() {
    }

    public static Path resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            Path folder = Path.of(configured.get()).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder.resolve("am")) && !Files.isDirectory(folder.resolve("conf"))) {
                throw new IllegalStateException("nohold.speech.model-path is " + folder
                        + ", which is not a Vosk model folder (it has no am/ or conf/ inside)");
            }
            return folder;
        }
        return bundled(dataDir);
    }

    /** The bundled model's folder; copies it out of its jar first where needed. */
    public static Path bundled(Path dataDir) {
        URL marker = ModelLocation.class.getClassLoader().getResource(BUNDLED + "/uuid");
        if (marker == null) {
            throw new IllegalStateException("No speech model is bundled with this build; set nohold.speech.model-path"
                    + " to a Vosk model folder");
        }
        try {
            URI uri = marker.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            return extract(uri, dataDir.toAbsolutePath().normalize().resolve("models"));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("The bundled speech model could not be read from " + marker, e);
        }
    }

    private static Path extract(URI marker, Path models) throws IOException {
        try (FileSystem jar = FileSystems.newFileSystem(marker, Map.of())) {
            return extract(jar.provider().getPath(marker).getParent(), models);
        } catch (FileSystemAlreadyExistsException e) {
            return extract(FileSystems.getFileSystem(marker).provider().getPath(marker).getParent(), models);
        }
    }

    private static Path extract(Path source, Path models) throws IOException {
        String uuid = Files.readString(source.resolve("uuid"), StandardCharsets.UTF_8).strip();
        Path target = models.resolve("model-en-us-" + uuid.replaceAll("[^A-Za-z0-9-]", ""));
        if (Files.isRegularFile(target.resolve("uuid"))) {
            return target;
        }
        LOG.infof("Copying the bundled speech model to %s (once)", target);
        Files.createDirectories(models);
        Path partial = Files.createTempDirectory(models, "partial-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = partial.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // The folder appears whole or not at all: a platform stopped mid-copy copies again on its next start.
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve("uuid"))) {
                throw e;
            }
            deleteTree(partial);
        }
        return target;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
