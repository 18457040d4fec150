package dev.nohold.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Media as files in one directory, one file per item written whole and synced: the store an operator chooses with
 * {@code nohold.media.directory} (a directory every node mounts), and how media were kept under
 * {@code <data-dir>/media} before they moved into PostgreSQL. Files carry no metadata, so the type is detected
 * from each file's first bytes when it is read.
 */
public class DiskMediaStore implements MediaStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f-]{36}");

    private final Path root;

    public DiskMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Whether a key has the form this store gives its items ({@code ab/<uuid>}). */
    public static boolean isDiskKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    @Override
    public MediaItem put(byte[] bytes) {
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
            return new MediaItem(key, MediaFormat.detect(bytes), bytes.length, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store media under " + root, e);
        }
    }

    @Override
    public Optional<MediaItem> find(String key) {
        return read(key, 0, MediaFormat.HEAD_LENGTH).map(head -> {
            try {
                return new MediaItem(key, MediaFormat.detect(head), Files.size(root.resolve(key)), null);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read media " + key, e);
            }
        });
    }

    @Override
    public Optional<byte[]> read(String key, long offset, int length) {
        if (!isDiskKey(key)) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(root.resolve(key), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(length, in.size() - offset)));
            while (buffer.hasRemaining()) {
                if (in.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return Optional.of(Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read media " + key, e);
        }
    }
}
