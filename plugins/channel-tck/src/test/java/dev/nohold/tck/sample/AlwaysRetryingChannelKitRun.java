package dev.nohold.tck.sample;

import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import io.quarkus.test.junit.QuarkusTest;

/** The kit run against the {@code sample-retrying} sample channel; started by {@link dev.nohold.tck.KitJudgesSampleChannelsTest}. */
@QuarkusTest
public class AlwaysRetryingChannelKitRun extends ChannelConformanceKit {

    @Override
    protected ChannelDriver driver() {
        return new SampleDriver("sample-retrying");
    }
}
