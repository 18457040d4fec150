package dev.nohold.core.flow;

import dev.nohold.core.session.MovableClock;
import dev.nohold.core.testing.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * What every flow test on the platform starts from (annotate the test {@code @QuarkusTest} and
 * {@code @TestProfile(FlowTestProfile.class)}, so they share one platform): the clock at now, a clean database with
 * only the default flows, active, and the supervisor {@code sam}.
 */
abstract class FlowTestBase {

    @Inject
    DataSource dataSource;
    @Inject
    FlowCatalog catalog;
    @Inject
    MovableClock clock;

    @BeforeEach
    void freshPlatform() {
        clock.reset();
        FlowFixtures.reset(dataSource, catalog);
        Fixtures.createAgent("sam", "supervisor");
    }
}
