package dev.nohold.core.flow;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one step of a flow document: its id, the one key that says its kind (say, menu, ask, branch, answer, set,
 * call, handoff, end) and the fields that kind takes. A step that says nowhere to go goes to the step after it.
 */
final class StepReader {

    private static final Set<String> KINDS = Set.of("say", "menu", "ask", "branch", "answer", "set", "call",
            "handoff", "end");
    private static final Set<String> KNOWN = Set.of("id", "say", "menu", "ask", "branch", "answer", "set", "call",
            "handoff", "end", "next", "otherwise", "reprompt", "max-attempts", "choices", "kind", "pattern", "into",
            "outcome", "confirm", "helped");

    private final FlowReader reader;
    private final MappingNode node;
    private final String following;

    StepReader(FlowReader reader, MappingNode node, String following) {
        this.reader = reader;
        this.node = node;
        this.following = following;
    }

    /** The id of a step node, if it has one, to be the default next of the step before it. */
    static String idOf(Node item) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && "id".equals(key.getValue())
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    return value.getValue();
                }
            }
        }
        return null;
    }

    Step step() {
        Map<String, Node> fields = reader.fields(node, KNOWN);
        String id = reader.text(fields.get("id"), node, "a step's id", true);
        List<String> kinds = fields.keySet().stream().filter(KINDS::contains).toList();
        int line = FlowReader.line(node);
        if (kinds.size() != 1) {
            reader.problem(line, "step '" + id + "' needs exactly one of " + new java.util.TreeSet<>(KINDS)
                    + (kinds.isEmpty() ? "" : ", not " + kinds));
            return null;
        }
        if (id == null) {
            return null;
        }
        Step.Kind kind = Step.Kind.valueOf(kinds.get(0).toUpperCase(Locale.ROOT));
        Node body = fields.get(kinds.get(0));
        String next = fields.containsKey("next") ? reader.scalar(fields.get("next"), "next") : null;
        String otherwise = reader.orDefault(fields.get("otherwise"), "otherwise", null);
        for (String way : List.of("next", "otherwise")) {
            if (fields.containsKey(way)) {
                reader.reference(id, reader.scalar(fields.get(way), way), FlowReader.line(fields.get(way)));
            }
        }
        String reprompt = reader.orDefault(fields.get("reprompt"), "reprompt", null);
        int maxAttempts = fields.containsKey("max-attempts") ? reader.integer(fields.get("max-attempts"),
                "max-attempts") : 3;
        boolean goesOn = kind != Step.Kind.HANDOFF && kind != Step.Kind.END && kind != Step.Kind.BRANCH
                && kind != Step.Kind.MENU;
        if (goesOn && next == null) {
            next = following;
            if (next == null) {
                reader.problem(line, "step '" + id + "' is the last and says nowhere to go: add next, or end with"
                        + " an end or handoff step");
            }
        }
        String text = null;
        List<Step.Choice> choices = null;
        Step.AskKind askKind = null;
        String pattern = null;
        String into = reader.orDefault(fields.get("into"), "into", null);
        List<Step.Rule> rules = null;
        Map<String, String> values = new LinkedHashMap<>();
        Step.Call call = null;
        String outcome = null;
        switch (kind) {
            case SAY, HANDOFF -> text = reader.text(body, node, kind.key(), true);
            case END -> {
                text = reader.scalar(body, "end");
                outcome = reader.orDefault(fields.get("outcome"), "outcome", "ended");
                if (!"ended".equals(outcome) && !"self-served".equals(outcome)) {
                    reader.problem(FlowReader.line(fields.get("outcome")),
                            "an end step's outcome is 'ended' or 'self-served', not '" + outcome + "'");
                }
            }
            case MENU -> {
                text = reader.text(body, node, "menu", true);
                choices = choices(fields.get("choices"), id);
            }
            case ASK -> {
                text = reader.text(body, node, "ask", true);
                askKind = askKind(fields.get("kind"));
                pattern = reader.orDefault(fields.get("pattern"), "pattern", null);
                if (pattern != null && !reader.validPattern(fields.get("pattern"), pattern)) {
                    pattern = null;
                }
                if (into == null) {
                    into = id;
                }
            }
            case ANSWER -> {
                text = body instanceof ScalarNode scalar && !scalar.getValue().isBlank() ? scalar.getValue() : null;
                values.put("confirm", reader.orDefault(fields.get("confirm"), "confirm", "Did that help?"));
                values.put("helped", reader.orDefault(fields.get("helped"), "helped",
                        "Glad to hear it. Goodbye!"));
                if (otherwise == null) {
                    otherwise = next;
                }
            }
            case BRANCH -> rules = rules(body, id);
            case SET -> {
                for (NodeTuple tuple : reader.mapping(body, "set").getValue()) {
                    String name = reader.scalar(tuple.getKeyNode(), "a name");
                    String value = reader.scalar(tuple.getValueNode(), name);
                    if (FlowPriority.NAME.equals(name) && value != null && FlowPriority.of(value).isEmpty()) {
                        reader.problem(FlowReader.line(tuple.getValueNode()), "a priority is low, normal, high,"
                                + " urgent or a whole number from -100 to 100, not '" + value + "'");
                    }
                    values.put(name, value);
                }
            }
            case CALL -> {
                call = call(body);
                if (into == null) {
                    into = id;
                }
            }
        }
        if ((kind == Step.Kind.ASK || kind == Step.Kind.MENU || kind == Step.Kind.CALL) && otherwise == null) {
            otherwise = next;
        }
        return new Step(id, kind, line, text, next, otherwise, reprompt, maxAttempts, choices, askKind, pattern, into,
                rules, values, call, outcome);
    }

    private List<Step.Choice> choices(Node node, String stepId) {
        List<Step.Choice> choices = new ArrayList<>();
        if (node == null) {
            reader.problem(FlowReader.line(this.node), "menu '" + stepId + "' has no choices");
            return choices;
        }
        for (Node item : reader.sequence(node, "choices")) {
            MappingNode mapping = reader.mapping(item, "a choice");
            Map<String, Node> fields = reader.fields(mapping, Set.of("label", "digit", "keywords", "next"));
            String label = reader.text(fields.get("label"), item, "a choice's label", true);
            String digit = reader.orDefault(fields.get("digit"), "digit", null);
            if (digit != null && !digit.matches("[0-9*#]")) {
                reader.problem(FlowReader.line(fields.get("digit")), "a digit is one key of a phone: 0-9, * or #");
            }
            List<String> keywords = new ArrayList<>();
            if (fields.containsKey("keywords")) {
                for (Node keyword : reader.sequence(fields.get("keywords"), "keywords")) {
                    String word = reader.scalar(keyword, "a keyword");
                    if (word != null) {
                        keywords.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
            String next = reader.text(fields.get("next"), item, "a choice's next", true);
            if (next != null) {
                reader.reference(stepId, next, FlowReader.line(fields.get("next")));
            }
            choices.add(new Step.Choice(label, digit, keywords, next));
        }
        return choices;
    }

    private Step.AskKind askKind(Node node) {
        if (node == null) {
            return Step.AskKind.TEXT;
        }
        String value = reader.scalar(node, "kind");
        for (Step.AskKind kind : Step.AskKind.values()) {
            if (kind.key().equals(value)) {
                return kind;
            }
        }
        reader.problem(FlowReader.line(node), "an ask's kind is text, number, yes-no or date, not '" + value + "'");
        return Step.AskKind.TEXT;
    }

    private List<Step.Rule> rules(Node node, String stepId) {
        List<Step.Rule> rules = new ArrayList<>();
        boolean otherwise = false;
        for (Node item : reader.sequence(node, "branch")) {
            Map<String, Node> fields = reader.fields(reader.mapping(item, "a branch rule"), Set.of("if", "goto",
                    "else"));
            if (fields.containsKey("else")) {
                String target = reader.scalar(fields.get("else"), "else");
                reader.reference(stepId, target, FlowReader.line(fields.get("else")));
                rules.add(new Step.Rule(List.of(), target, FlowReader.line(item)));
                otherwise = true;
                continue;
            }
            List<Step.Condition> conditions = fields.containsKey("if") ? conditions(fields.get("if")) : List.of();
            String target = reader.text(fields.get("goto"), item, "goto", true);
            if (target != null) {
                reader.reference(stepId, target, FlowReader.line(fields.get("goto")));
            }
            rules.add(new Step.Rule(conditions, target, FlowReader.line(item)));
        }
        if (!otherwise) {
            reader.problem(FlowReader.line(this.node), "branch '" + stepId + "' needs a last rule 'else: <step>'");
        }
        return rules;
    }

    private List<Step.Condition> conditions(Node node) {
        List<Step.Condition> conditions = new ArrayList<>();
        for (NodeTuple tuple : reader.mapping(node, "if").getValue()) {
            String name = reader.scalar(tuple.getKeyNode(), "a condition");
            Node value = tuple.getValueNode();
            int line = FlowReader.line(tuple.getKeyNode());
            switch (name == null ? "" : name) {
                case "said" -> {
                    List<String> words = new ArrayList<>();
                    if (value instanceof ScalarNode scalar) {
                        words.add(scalar.getValue().toLowerCase(Locale.ROOT));
                    } else {
                        reader.sequence(value, "said").forEach(word -> words.add(
                                String.valueOf(reader.scalar(word, "a word")).toLowerCase(Locale.ROOT)));
                    }
                    conditions.add(new Step.Said(words));
                }
                case "collected" -> {
                    if (value instanceof ScalarNode scalar) {
                        conditions.add(new Step.Collected(scalar.getValue(), null));
                    } else {
                        for (NodeTuple pair : reader.mapping(value, "collected").getValue()) {
                            conditions.add(new Step.Collected(reader.scalar(pair.getKeyNode(), "a name"),
                                    reader.scalar(pair.getValueNode(), "a value")));
                        }
                    }
                }
                case "business-hours" -> {
                    Map<String, Node> hours = reader.fields(reader.mapping(value, "business-hours"),
                            Set.of("days", "from", "to", "zone"));
                    for (String required : List.of("days", "from", "to", "zone")) {
                        if (!hours.containsKey(required)) {
                            reader.problem(line, "business-hours needs " + required);
                        }
                    }
                    if (hours.keySet().containsAll(List.of("days", "from", "to", "zone"))) {
                        conditions.add(new Step.BusinessHours(reader.days(hours.get("days")),
                                reader.time(hours.get("from"), "from"), reader.time(hours.get("to"), "to"),
                                reader.zone(hours.get("zone"))));
                    }
                }
                case "queue-longer-than" -> conditions.add(new Step.QueueLonger(reader.integer(value, name)));
                case "agents-free" -> conditions.add(new Step.AgentsFree(
                        !"false".equalsIgnoreCase(reader.scalar(value, name))));
                case "language" -> conditions.add(new Step.Language(reader.scalar(value, name)));
                case "earlier-requests-at-least" -> conditions.add(new Step.EarlierRequests(
                        reader.integer(value, name)));
                default -> reader.problem(line, "'" + name + "' is not a condition; conditions are said, collected,"
                        + " business-hours, queue-longer-than, agents-free, language, earlier-requests-at-least");
            }
        }
        return conditions;
    }

    private Step.Call call(Node node) {
        Map<String, Node> fields = reader.fields(reader.mapping(node, "call"), Set.of("url", "secret", "timeout",
                "send"));
        String url = reader.text(fields.get("url"), node, "a call's url", true);
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            reader.problem(FlowReader.line(fields.get("url")), "a call's url starts with http:// or https://");
        }
        Duration timeout = fields.containsKey("timeout") ? reader.duration(fields.get("timeout"), "timeout")
                : Duration.ofSeconds(5);
        if (timeout.compareTo(Duration.ofSeconds(10)) > 0) {
            reader.problem(FlowReader.line(fields.get("timeout")),
                    "a call's timeout is at most 10s: the customer is waiting");
        }
        List<String> send = new ArrayList<>();
        if (fields.containsKey("send")) {
            reader.sequence(fields.get("send"), "send").forEach(name -> send.add(reader.scalar(name, "a name")));
        }
        return new Step.Call(url, reader.orDefault(fields.get("secret"), "secret", null), timeout, send);
    }
}
