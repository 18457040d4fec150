package dev.nohold.core.media;

import dev.nohold.core.config.NoholdConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The default media store: one file per item under {@code <data-dir>/media}, written whole and synced. */
@ApplicationScoped
@DefaultBean
public class DiskMediaStore implements MediaStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f-]{36}");

    private final Path root;

    public DiskMediaStore(NoholdConfig config) {
        this.root = Path.of(config.dataDir()).toAbsolutePath().normalize().resolve("media");
    }

    @Override
    public String store(byte[] bytes, String mediaType) {
        String id = UUID.randomUUID().toString();
        String key = id.substring(0, 2) + "/" + id;
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(id + ".partial");
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store media under " + root, e);
        }
    }

    @Override
    public Optional<byte[]> load(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read media " + key, e);
        }
    }
}
