package dev.nohold.core.flow;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a flow's YAML document and validates it whole: every problem is collected with the document's name and the
 * line it is on ("flows/support.yaml line 14: step 'account' goes to 'chek', which is not a step"), and a flow with
 * any problem is refused ({@link FlowInvalid}). It keeps each YAML node's position, which a plain map would lose.
 */
public final class FlowReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Set<String> OUTCOMES = Set.of("handoff", "self-served", "ended", "waiting");

    private final String document;
    private final List<String> problems = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    /** A step's way to another step, checked once every step is known. */
    private record Reference(String from, String target, int line) {
    }

    private FlowReader(String document) {
        this.document = document;
    }

    /** The flow in {@code source}, known as {@code document} in its errors (a file name). */
    public static Flow read(String document, String source) {
        FlowReader reader = new FlowReader(document);
        Flow flow = reader.flow(source);
        if (!reader.problems.isEmpty()) {
            throw new FlowInvalid(reader.problems);
        }
        return flow;
    }

    private Flow flow(String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(source == null ? "" : source));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problem(line, "this is not valid YAML: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(1, "this is not valid YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode top)) {
            problem(root == null ? 1 : line(root), "a flow is a mapping with id, name and steps");
            return null;
        }
        Map<String, Node> fields = fields(top, Set.of("id", "name", "version", "settings", "entry-points", "examples",
                "steps"));
        String id = text(fields.get("id"), top, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(line(fields.get("id")), "the id '" + id + "' may hold only lower-case letters, digits and dashes");
        }
        String name = text(fields.get("name"), top, "name", false);
        int version = fields.containsKey("version") ? integer(fields.get("version"), "version") : 1;
        FlowSettings settings = settings(fields.get("settings"));
        List<Flow.EntryPoint> entries = entryPoints(fields.get("entry-points"));
        Map<String, Step> steps = steps(fields.get("steps"), top);
        List<FlowExample> examples = examples(fields.get("examples"), steps);
        return new Flow(id, name == null ? id : name, version, settings, entries, examples, steps, source);
    }

    // --- Settings and entry points

    private FlowSettings settings(Node node) {
        FlowSettings defaults = FlowSettings.defaults();
        if (node == null) {
            return defaults;
        }
        Map<String, Node> fields = fields(mapping(node, "settings"), Set.of("knowledge-threshold", "quiet-after",
                "when-quiet", "reminder", "quiet-ending", "language"));
        double threshold = defaults.knowledgeThreshold();
        if (fields.containsKey("knowledge-threshold")) {
            String value = scalar(fields.get("knowledge-threshold"), "knowledge-threshold");
            try {
                threshold = Double.parseDouble(value);
                if (threshold < 0 || threshold > 1) {
                    problem(line(fields.get("knowledge-threshold")), "knowledge-threshold is between 0 and 1, not "
                            + value);
                }
            } catch (NumberFormatException | NullPointerException e) {
                problem(line(fields.get("knowledge-threshold")), "knowledge-threshold is a number between 0 and 1");
            }
        }
        Duration quiet = fields.containsKey("quiet-after") ? duration(fields.get("quiet-after"), "quiet-after")
                : defaults.quietAfter();
        FlowSettings.WhenQuiet whenQuiet = defaults.whenQuiet();
        if (fields.containsKey("when-quiet")) {
            String value = scalar(fields.get("when-quiet"), "when-quiet");
            if ("end".equals(value)) {
                whenQuiet = FlowSettings.WhenQuiet.END;
            } else if ("request".equals(value)) {
                whenQuiet = FlowSettings.WhenQuiet.REQUEST;
            } else {
                problem(line(fields.get("when-quiet")), "when-quiet is 'end' or 'request', not '" + value + "'");
            }
        }
        return new FlowSettings(threshold, quiet, whenQuiet,
                orDefault(fields.get("reminder"), "reminder", defaults.reminder()),
                orDefault(fields.get("quiet-ending"), "quiet-ending", defaults.quietEnding()),
                orDefault(fields.get("language"), "language", null));
    }

    private List<Flow.EntryPoint> entryPoints(Node node) {
        List<Flow.EntryPoint> entries = new ArrayList<>();
        if (node == null) {
            return entries;
        }
        for (Node item : sequence(node, "entry-points")) {
            Map<String, Node> fields = fields(mapping(item, "an entry point"), Set.of("channel", "entry"));
            String channel = text(fields.get("channel"), item, "channel", true);
            if (channel != null) {
                entries.add(new Flow.EntryPoint(channel, orDefault(fields.get("entry"), "entry", null)));
            }
        }
        return entries;
    }

    // --- Steps

    private Map<String, Step> steps(Node node, Node parent) {
        Map<String, Step> steps = new LinkedHashMap<>();
        if (node == null) {
            problem(line(parent), "a flow needs steps");
            return steps;
        }
        List<Step> read = new ArrayList<>();
        List<Node> items = sequence(node, "steps");
        for (int i = 0; i < items.size(); i++) {
            String following = i + 1 < items.size() ? StepReader.idOf(items.get(i + 1)) : null;
            Step step = new StepReader(this, mapping(items.get(i), "a step"), following).step();
            if (step == null) {
                continue;
            }
            if (steps.putIfAbsent(step.id(), step) != null) {
                problem(step.line(), "there are two steps named '" + step.id() + "'");
            }
            read.add(step);
        }
        if (read.isEmpty() && problems.isEmpty()) {
            problem(line(node), "a flow needs at least one step");
        }
        for (Reference reference : references) {
            if (reference.target() != null && !steps.containsKey(reference.target())) {
                problem(reference.line(), "step '" + reference.from() + "' goes to '" + reference.target()
                        + "', which is not a step");
            }
        }
        return steps;
    }

    // --- Examples

    private List<FlowExample> examples(Node node, Map<String, Step> steps) {
        List<FlowExample> examples = new ArrayList<>();
        if (node == null) {
            return examples;
        }
        for (Node item : sequence(node, "examples")) {
            Map<String, Node> fields = fields(mapping(item, "an example"), Set.of("name", "channel", "inputs",
                    "outcome", "collected", "at"));
            String name = text(fields.get("name"), item, "name", true);
            List<String> inputs = new ArrayList<>();
            if (fields.containsKey("inputs")) {
                for (Node input : sequence(fields.get("inputs"), "inputs")) {
                    inputs.add(scalar(input, "an input"));
                }
            }
            String outcome = text(fields.get("outcome"), item, "outcome", true);
            if (outcome != null && !OUTCOMES.contains(outcome)) {
                problem(line(fields.get("outcome")), "an example's outcome is one of " + OUTCOMES + ", not '"
                        + outcome + "'");
            }
            Map<String, String> collected = new LinkedHashMap<>();
            if (fields.containsKey("collected")) {
                for (NodeTuple tuple : mapping(fields.get("collected"), "collected").getValue()) {
                    collected.put(scalar(tuple.getKeyNode(), "a name"), scalar(tuple.getValueNode(), "a value"));
                }
            }
            Instant at = null;
            if (fields.containsKey("at")) {
                String value = scalar(fields.get("at"), "at");
                try {
                    at = OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException | NullPointerException e) {
                    problem(line(fields.get("at")), "at is a time with its offset, as 2026-12-02T10:00:00+01:00");
                }
            }
            examples.add(new FlowExample(name, orDefault(fields.get("channel"), "channel", null), inputs, outcome,
                    collected, at, line(item)));
        }
        return examples;
    }

    // --- What the step reader shares

    /** Step {@code from} goes to {@code target} on {@code line} (of the value that names it). */
    void reference(String from, String target, int line) {
        references.add(new Reference(from, target, line));
    }

    void problem(int line, String message) {
        problems.add(document + " line " + line + ": " + message);
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        problem(line(node), what + " is a mapping of names to values");
        return new MappingNode(node.getTag(), true, new ArrayList<>(), node.getStartMark(), node.getEndMark(),
                org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO);
    }

    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(line(node), what + " is a list");
        return List.of();
    }

    String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(line(node), what + " is a single value, not a list or mapping");
        return null;
    }

    /** The mapping's values by name; names it does not know are problems (a typo would otherwise do nothing). */
    Map<String, Node> fields(MappingNode mapping, Set<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a name");
            if (key == null) {
                continue;
            }
            if (!known.contains(key)) {
                problem(line(tuple.getKeyNode()), "'" + key + "' is not known here; expected one of "
                        + new java.util.TreeSet<>(known));
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    String text(Node node, Node parent, String what, boolean required) {
        if (node == null) {
            if (required) {
                problem(line(parent), what + " is missing");
            }
            return null;
        }
        String value = scalar(node, what);
        if (required && (value == null || value.isBlank())) {
            problem(line(node), what + " is empty");
        }
        return value;
    }

    String orDefault(Node node, String what, String fallback) {
        return node == null ? fallback : scalar(node, what);
    }

    int integer(Node node, String what) {
        String value = scalar(node, what);
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            problem(line(node), what + " is a whole number, not '" + value + "'");
            return 0;
        }
    }

    Duration duration(Node node, String what) {
        String value = scalar(node, what);
        try {
            String lower = value.strip().toLowerCase(Locale.ROOT);
            char unit = lower.charAt(lower.length() - 1);
            long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            problem(line(node), what + " is a duration such as 30s, 10m or 1h, not '" + value + "'");
            return Duration.ofMinutes(10);
        }
    }

    boolean validPattern(Node node, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            problem(line(node), "the pattern '" + pattern + "' is not a regular expression: " + e.getDescription());
            return false;
        }
    }

    Set<DayOfWeek> days(Node node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String value = scalar(node, "days");
        if (value == null) {
            return days;
        }
        for (String part : value.split(",")) {
            String[] range = part.strip().split("-");
            try {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = range.length > 1 ? day(range[1]) : from;
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                problem(line(node), "days are written as mon-fri or mon,wed,sat, not '" + value + "'");
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        String lower = abbreviation.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 2) {
                return day;
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }

    LocalTime time(Node node, String what) {
        String value = scalar(node, what);
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            problem(line(node), what + " is a time of day such as 09:00, not '" + value + "'");
            return LocalTime.MIDNIGHT;
        }
    }

    ZoneId zone(Node node) {
        String value = scalar(node, "zone");
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            problem(line(node), "zone is a time zone such as Europe/Berlin, not '" + value + "'");
            return ZoneId.of("UTC");
        }
    }
}
