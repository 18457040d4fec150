package dev.nohold.tck;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a launcher ran, test by test: how each kit test ended and why. */
final class EventRecorder implements TestExecutionListener {

    /** One finished or skipped test or container of a kit run. */
    record Outcome(TestIdentifier test, TestExecutionResult.Status status, Throwable failure, String skipReason) {

        String method() {
            String segment = test.getUniqueIdObject().getLastSegment().getValue();
            String name = segment.substring(segment.indexOf('#') + 1);
            int parenthesis = name.indexOf('(');
            return parenthesis > 0 ? name.substring(0, parenthesis) : name;
        }

        boolean of(Class<?> run) {
            return test.getUniqueId().contains("[class:" + run.getName() + "]");
        }

        String message() {
            return failure == null ? "" : String.valueOf(failure.getMessage());
        }
    }

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        outcomes.add(new Outcome(test, result.getStatus(), result.getThrowable().orElse(null), null));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        outcomes.add(new Outcome(test, null, null, reason));
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        outcomes.clear();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
