package dev.nohold.core.flow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flow that does not validate is refused whole, each problem with the document's line, so it can be fixed. */
class FlowReaderNamesTheLineOfEachProblemTest {

    @Test
    void aStepGoingToAStepThatDoesNotExistIsNamedWithItsLine() {
        FlowInvalid invalid = assertThrows(FlowInvalid.class,
                () -> FlowReader.read("flows/support.yaml", FlowFixtures.file("support.yaml")));

        assertEquals("flows/support.yaml line 16: step 'account' goes to 'chek', which is not a step",
                invalid.getMessage());
        assertEquals(400, invalid.status());
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        String yaml = """
                id: Bad Id
                steps:
                  - id: ask
                    ask: How old are you?
                    kind: age
                    colour: blue
                  - id: hours
                    branch:
                      - if: {business-hours: {days: mon-fri, from: "9am", to: "17:00", zone: Mars/Olympus}}
                        goto: ask
                """;
        FlowInvalid invalid = assertThrows(FlowInvalid.class, () -> FlowReader.read("flows/bad.yaml", yaml));

        String message = invalid.getMessage();
        assertTrue(message.contains("flows/bad.yaml line 1: the id 'Bad Id' may hold only"), message);
        assertTrue(message.contains("line 5: an ask's kind is text, number, yes-no or date, not 'age'"), message);
        assertTrue(message.contains("line 6: 'colour' is not known here"), message);
        assertTrue(message.contains("line 9: from is a time of day such as 09:00, not '9am'"), message);
        assertTrue(message.contains("line 9: zone is a time zone such as Europe/Berlin, not 'Mars/Olympus'"),
                message);
        assertTrue(message.contains("line 7: branch 'hours' needs a last rule 'else: <step>'"), message);
    }

    @Test
    void brokenYamlIsRefusedWithTheLineWhereItBreaks() {
        FlowInvalid invalid = assertThrows(FlowInvalid.class, () -> FlowReader.read("flows/x.yaml",
                "id: x\nsteps:\n  - id: a\n    say: \"unclosed\n"));

        assertTrue(invalid.getMessage().startsWith("flows/x.yaml line 5: this is not valid YAML"),
                invalid.getMessage());
    }

    @Test
    void theShippedFlowsValidate() {
        for (String id : FlowCatalog.DEFAULTS) {
            try (var in = getClass().getResourceAsStream("/flows/" + id + ".yaml")) {
                Flow flow = FlowReader.read(id, new String(in.readAllBytes()));
                assertEquals(id, flow.id());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theReadmesExampleIsAValidFlow() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        String flows = readme.substring(readme.indexOf("## Flows"));
        String yaml = flows.substring(flows.indexOf("```yaml") + 7, flows.indexOf("```", flows.indexOf("```yaml") + 7));

        Flow flow = FlowReader.read("README.md", yaml);

        assertEquals(java.util.List.of("welcome", "topic", "account", "routing", "crm", "hours", "question", "closed",
                "agent"), java.util.List.copyOf(flow.steps().keySet()));
    }
}
