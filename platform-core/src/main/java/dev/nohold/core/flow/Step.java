package dev.nohold.core.flow;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a flow: what kind it is, what it says, and where it goes next. Only the fields its kind uses are set;
 * {@code line} is where it stands in the flow's document, for errors found later.
 *
 * @param text        what the step says (say, menu, ask, answer's question, handoff, end)
 * @param next        the step after this one (say, ask, set, call, answer when the answer did not help)
 * @param otherwise   where to go when the step cannot do its work (answer: nothing confident; ask/menu: too many
 *                    failed attempts; call: the endpoint failed)
 * @param reprompt    said again after input the step cannot use
 * @param maxAttempts how many unusable inputs are taken before {@code otherwise}
 * @param into        the collected value an ask (or a call's result, as prefix) is stored under
 * @param values      what a set step sets
 * @param outcome     what an end step counts as: ended (default) or self-served
 */
public record Step(String id, Kind kind, int line, String text, String next, String otherwise, String reprompt,
                   int maxAttempts, List<Choice> choices, AskKind askKind, String pattern, String into,
                   List<Rule> rules, Map<String, String> values, Call call, String outcome) {

    public enum Kind {
        SAY, MENU, ASK, BRANCH, ANSWER, SET, CALL, HANDOFF, END;

        public String key() {
            return name().toLowerCase();
        }
    }

    /** What an ask step takes. */
    public enum AskKind {
        TEXT, NUMBER, YES_NO, DATE;

        public String key() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One choice of a menu: its label, the digit that picks it on a keypad, and the words that pick it. */
    public record Choice(String label, String digit, List<String> keywords, String next) {
    }

    /** One rule of a branch: all of its conditions hold (an empty list always holds), then go to {@code next}. */
    public record Rule(List<Condition> conditions, String next, int line) {
    }

    /** A condition of a branch rule. */
    public sealed interface Condition {
    }

    /** The customer's last input holds one of these words. */
    public record Said(List<String> words) implements Condition {
    }

    /** A collected value equals this (null: is set at all). */
    public record Collected(String name, String equals) implements Condition {
    }

    /** Now is within opening hours, on these days, in this time zone. */
    public record BusinessHours(Set<java.time.DayOfWeek> days, LocalTime from, LocalTime to, java.time.ZoneId zone)
            implements Condition {
    }

    /** More than {@code length} requests wait in the queue. */
    public record QueueLonger(int length) implements Condition {
    }

    /** At least one agent is free to take a request now (or none is, when {@code free} is false). */
    public record AgentsFree(boolean free) implements Condition {
    }

    /** The conversation's language (collected {@code language}, else the flow's) is this one. */
    public record Language(String tag) implements Condition {
    }

    /** The customer made at least this many requests before. */
    public record EarlierRequests(int atLeast) implements Condition {
    }

    /**
     * An HTTP endpoint of the customer's systems: the collected values named in {@code send} (all when empty) are
     * POSTed as JSON, signed with HMAC-SHA256 of the body under {@code secret}, within {@code timeout}; the answer's
     * top-level values are collected under {@code into}.
     */
    public record Call(String url, String secret, Duration timeout, List<String> send) {
    }
}
