package dev.nohold.core.media;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Chooses the platform's one {@link MediaStore} from configuration when it starts. */
@ApplicationScoped
public class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStore mediaStore(MediaConfig media, NoholdConfig nohold, DataSource dataSource, Clock clock) {
        return choose(media.directory(), nohold.dataDir(), dataSource, clock);
    }

    static MediaStore choose(Optional<String> directory, String dataDir, DataSource dataSource, Clock clock) {
        if (directory.isPresent()) {
            return new DiskMediaStore(Path.of(directory.get()));
        }
        // Media were files under <data-dir>/media before they moved into PostgreSQL. Reading those where they
        // are, rather than copying them in at start, needs no coordination between nodes starting together
        // and cannot slow or fail a start; new items never go there.
        return new DatabaseMediaStore(dataSource, clock,
                new DiskMediaStore(Path.of(dataDir).resolve("media")));
    }
}
