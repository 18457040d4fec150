package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Admins upload flows as YAML: one that does not validate is refused with its line; one is activated only when its
 * own examples come out as written, and the refusal says which example failed and how.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowActivationNeedsValidFlowAndPassingExamplesTest extends FlowTestBase {

    private static final String YAML = "application/yaml";

    @Test
    void anInvalidFlowIsRefusedWithItsLineAndNothingIsStored() {
        Fixtures.as("admin").contentType(YAML).body(bytes(FlowFixtures.file("support.yaml")))
                .put("/api/flows/support")
                .then().statusCode(400)
                .body("error", equalTo("flows/support.yaml line 16: step 'account' goes to 'chek', which is not a"
                        + " step"));

        Fixtures.as("admin").get("/api/flows").then().body("id", not(hasItem("support")));
        Fixtures.as("admin").get("/api/flows/support").then().statusCode(404);
    }

    @Test
    void activationIsRefusedWhileAnExampleFailsAndGrantedOnceItPasses() {
        String refund = FlowFixtures.file("refund.yaml");
        Fixtures.as("admin").contentType(YAML).body(bytes(refund)).put("/api/flows/refund")
                .then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(1));

        Fixtures.as("admin").post("/api/flows/refund/activate")
                .then().statusCode(409)
                .body("error", equalTo("flows/refund.yaml line 32: example 'a customer who changes their mind is"
                        + " done' failed: expected the outcome self-served, got ended; the flow's last words were"
                        + " \"Alright, nothing changes.\""));
        Fixtures.as("admin").get("/api/flows").then().body("find { it.id == 'refund' }.active", equalTo(false));

        String fixed = refund.replace("outcome: self-served", "outcome: ended");
        Fixtures.as("admin").contentType(YAML).body(bytes(fixed)).put("/api/flows/refund")
                .then().statusCode(200).body("version", equalTo(2));
        Fixtures.as("admin").post("/api/flows/refund/activate").then().statusCode(200).body("active", equalTo(true));
        Fixtures.as("sam").get("/api/flows").then().body("find { it.id == 'refund' }.active", equalTo(true));
        Fixtures.as("sam").get("/api/flows/refund").then().statusCode(200).body(equalTo(fixed));
    }

    @Test
    void anActiveFlowIsNotReplacedByAVersionWhoseExamplesFail() {
        Fixtures.as("admin").get("/api/flows/account-line").then().statusCode(200);
        String broken = FlowFixtures.file("refund.yaml").replace("outcome: self-served", "outcome: ended");
        Fixtures.as("admin").contentType(YAML).body(bytes(broken)).put("/api/flows/refund").then().statusCode(200);
        Fixtures.as("admin").post("/api/flows/refund/activate").then().statusCode(200);

        Fixtures.as("admin").contentType(YAML).body(bytes(broken.replace("inputs: [\"12345\", \"yes\"]",
                        "inputs: [\"1234\", \"yes\"]")))
                .put("/api/flows/refund")
                .then().statusCode(409);
        Fixtures.as("admin").get("/api/flows/refund").then().body(equalTo(broken));
    }

    private static byte[] bytes(String yaml) {
        return yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onlyAdminsChangeFlowsAndAgentsDoNotSeeThem() {
        Fixtures.createAgent("ada");
        Fixtures.as("sam").post("/api/flows/answers/deactivate").then().statusCode(403);
        Fixtures.as("ada").get("/api/flows").then().statusCode(403);
        Fixtures.as("admin").post("/api/flows/answers/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
    }
}
