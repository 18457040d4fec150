package dev.nohold.tck;

import dev.nohold.tck.EventRecorder.Outcome;
import dev.nohold.tck.sample.AlwaysRetryingChannelKitRun;
import dev.nohold.tck.sample.ConformingChannelKitRun;
import dev.nohold.tck.sample.SwallowingChannelKitRun;
import dev.nohold.tck.sample.TrustingChannelKitRun;
import dev.nohold.tck.sample.TwiceTakingChannelKitRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The kit judged on sample channels: it passes the one written as the core expects, and fails each deliberately
 * broken one on the test of its mistake, with a message that names the mistake. All runs share one Quarkus start
 * (one launcher execution), so this costs one application boot.
 */
class KitJudgesSampleChannelsTest {

    /**
     * Each broken channel runs the kit test of its mistake (the whole kit on each would cost a minute more and prove
     * only that the other tests pass, which the conforming channel already shows).
     */
    private static final Map<Class<?>, String> MISTAKES = Map.of(
            TwiceTakingChannelKitRun.class, "aRepeatedProviderMessageMakesOneRequest",
            TrustingChannelKitRun.class, "forgedInputIsRefusedAndNothingIsStored",
            SwallowingChannelKitRun.class, "aPermanentFailureIsReportedWithItsReason",
            AlwaysRetryingChannelKitRun.class, "aPermanentFailureIsReportedWithItsReason");

    private static List<Outcome> outcomes;

    /**
     * The runs go through a JUnit launcher rather than the engine test kit's bare engine: a {@code @QuarkusTest} class
     * must be loaded by Quarkus's class loader, which Quarkus's launcher listener arranges during discovery (the
     * engine test kit has no launcher, and Quarkus then refuses to start: seen here with Quarkus 3.33).
     */
    @BeforeAll
    static void runTheKitOnEverySampleChannel() {
        EventRecorder recorder = new EventRecorder();
        List<DiscoverySelector> selectors = new ArrayList<>();
        selectors.add(selectClass(ConformingChannelKitRun.class.getName()));
        MISTAKES.forEach((run, test) -> selectors.add(selectMethod(run.getName(), test)));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, recorder);
        }
        outcomes = recorder.outcomes();
    }

    @Test
    void everyRunStartsAndRunsItsTests() {
        List<String> broken = outcomes.stream().filter(outcome -> outcome.test().isContainer()
                        && outcome.status() == Status.FAILED)
                .map(outcome -> outcome.test().getDisplayName() + ": " + outcome.message()).toList();
        assertEquals(List.of(), broken, "a kit run failed before its tests (start-up, class loading)");
        assertEquals(11, outcomes.stream().filter(o -> o.test().isTest() && o.of(ConformingChannelKitRun.class))
                .count(), "the conforming channel should run all eleven tests of the kit");
        MISTAKES.keySet().forEach(run -> assertEquals(1, outcomes.stream()
                .filter(o -> o.test().isTest() && o.of(run)).count(), run.getSimpleName()));
    }

    @Test
    void aConformingChannelPassesEveryTestItHasTheCapabilityFor() {
        assertEquals(Map.of(), failuresOf(ConformingChannelKitRun.class), "the conforming sample channel");
        assertEquals(List.of("aFailedDeliveryFallsBackToTheFallbackChannel",
                        "theLiveContactHookConnectsTheCustomerToAnIdleAgent"),
                endedAs(ConformingChannelKitRun.class, Status.ABORTED), "no fallback and no live contact: skipped");
        assertEquals(9, endedAs(ConformingChannelKitRun.class, Status.SUCCESSFUL).size());
    }

    @Test
    void aChannelThatForgetsTheProvidersMessageIdFailsOnTheRepeatedMessage() {
        Map<String, String> failures = failuresOf(TwiceTakingChannelKitRun.class);
        assertEquals(List.of("aRepeatedProviderMessageMakesOneRequest"), List.copyOf(failures.keySet()));
        // Its repeat joins the customer's open request instead of making a second one: counted twice all the same.
        assertTrue(failures.get("aRepeatedProviderMessageMakesOneRequest").contains("was added to the conversation"
                + " 2 times; the core expected it once (pass the provider's message id)"), failures.toString());
    }

    @Test
    void aChannelThatStoresForgedInputFailsOnTheForgedMessage() {
        Map<String, String> failures = failuresOf(TrustingChannelKitRun.class);
        assertEquals(List.of("forgedInputIsRefusedAndNothingIsStored"), List.copyOf(failures.keySet()));
        assertTrue(failures.get("forgedInputIsRefusedAndNothingIsStored").contains("The channel stored a forged"
                + " message"), failures.toString());
    }

    @Test
    void aChannelThatSwallowsAPermanentFailureFailsOnThePermanentFailure() {
        Map<String, String> failures = failuresOf(SwallowingChannelKitRun.class);
        assertEquals(List.of("aPermanentFailureIsReportedWithItsReason"), List.copyOf(failures.keySet()));
        assertTrue(failures.get("aPermanentFailureIsReportedWithItsReason").contains("refused the reply for good"
                + " (no such customer) and the channel reported it DELIVERED"), failures.toString());
    }

    @Test
    void aChannelThatRetriesWhatCanNeverPassFailsOnThePermanentFailure() {
        Map<String, String> failures = failuresOf(AlwaysRetryingChannelKitRun.class);
        assertEquals(List.of("aPermanentFailureIsReportedWithItsReason"), List.copyOf(failures.keySet()));
        assertTrue(failures.get("aPermanentFailureIsReportedWithItsReason").contains("(no such customer) and the"
                + " channel had it tried 2 times; the core expected DeliveryException.permanentFailure"),
                failures.toString());
    }

    /** The failed tests of one kit run, by method name, with their failure messages. */
    private static Map<String, String> failuresOf(Class<?> run) {
        return outcomes.stream().filter(o -> o.test().isTest() && o.of(run) && o.status() == Status.FAILED)
                .collect(Collectors.toMap(Outcome::method, Outcome::message, (a, b) -> a, TreeMap::new));
    }

    private static List<String> endedAs(Class<?> run, Status status) {
        return outcomes.stream().filter(o -> o.test().isTest() && o.of(run) && o.status() == status)
                .map(Outcome::method).sorted().toList();
    }
}
