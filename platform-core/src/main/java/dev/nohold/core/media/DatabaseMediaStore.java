package dev.nohold.core.media;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Media as rows of the {@code media} table, so every node that shares the database serves every recording. The
 * connection comes from the platform's datasource, which joins the caller's JTA transaction when there is one:
 * a request or reply and its audio commit or roll back together. Items kept on disk before media moved here
 * ({@code ab/<uuid>} keys) are still read from the old directory.
 */
public class DatabaseMediaStore implements MediaStore {

    private final DataSource dataSource;
    private final Clock clock;
    private final MediaStore earlierOnDisk;

    public DatabaseMediaStore(DataSource dataSource, Clock clock, MediaStore earlierOnDisk) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.earlierOnDisk = earlierOnDisk;
    }

    @Override
    public MediaItem put(byte[] bytes) {
        MediaItem item = new MediaItem(UUID.randomUUID().toString(), MediaFormat.detect(bytes), bytes.length,
                sha256(bytes));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into media (key, media_type, size, bytes, sha256, created_at) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, item.key());
            insert.setString(2, item.mediaType());
            insert.setLong(3, item.size());
            insert.setBytes(4, bytes);
            insert.setString(5, item.sha256());
            insert.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            return item;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store media", e);
        }
    }

    @Override
    public Optional<MediaItem> find(String key) {
        if (DiskMediaStore.isDiskKey(key)) {
            return earlierOnDisk.find(key);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select media_type, size, sha256 from media where key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new MediaItem(key, MediaFormat.ofMediaType(row.getString(1)), row.getLong(2),
                        row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read media " + key, e);
        }
    }

    /** Reads only the asked bytes: the column is stored uncompressed, so PostgreSQL fetches just their chunks. */
    @Override
    public Optional<byte[]> read(String key, long offset, int length) {
        if (DiskMediaStore.isDiskKey(key)) {
            return earlierOnDisk.read(key, offset, length);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select substring(bytes from ? for ?) from media where key = ?")) {
            select.setInt(1, Math.toIntExact(offset + 1));
            select.setInt(2, length);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read media " + key, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
