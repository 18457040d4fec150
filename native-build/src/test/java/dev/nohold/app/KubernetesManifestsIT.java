package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests the build writes ({@code target/kubernetes/kubernetes.json}) deploy what an operator
 * expects: several replicas, the database from the Secret, the data directory on the pod's volume, and probes at
 * paths the packaged platform answers.
 */
class KubernetesManifestsIT {

    @TempDir
    Path work;

    @Test
    void theDeploymentRunsSeveralNodesOnTheSecretsDatabaseWithProbesThePlatformAnswers() throws Exception {
        JsonNode deployment = deployment();
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "the Deployment runs a single node");
        assertEquals("nohold-database", container.at("/envFrom/0/secretRef/name").asText(),
                "the database settings do not come from the Secret");

        String dataDir = env(container, "NOHOLD_DATA_DIR");
        JsonNode mount = find(container.path("volumeMounts"), "mountPath", dataDir);
        assertFalse(mount.isMissingNode(), "the data directory " + dataDir + " is on no volume");
        assertTrue(find(pod.path("volumes"), "name", mount.path("name").asText()).has("emptyDir"),
                "the data directory's volume is not the pod's scratch space");

        List<String> probes = new ArrayList<>();
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertFalse(path.isEmpty(), "no " + probe);
            probes.add(path);
        }
        PlatformProcess platform = PlatformProcess.start(work.resolve("data"), Map.of());
        try {
            for (String path : probes) {
                given().get(platform.baseUrl() + path).then().statusCode(200);
            }
        } finally {
            platform.stop();
        }
    }

    private static JsonNode deployment() throws Exception {
        JsonNode resources = new ObjectMapper().readTree(Path.of("target/kubernetes/kubernetes.json").toFile());
        for (JsonNode resource : resources) {
            if ("Deployment".equals(resource.path("kind").asText())) {
                return resource;
            }
        }
        throw new AssertionError("The manifests hold no Deployment");
    }

    private static String env(JsonNode container, String name) {
        JsonNode variable = find(container.path("env"), "name", name);
        assertFalse(variable.isMissingNode(), name + " is not set");
        return variable.path("value").asText();
    }

    /** The element of {@code array} whose {@code field} is {@code value} (a missing node if none). */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        return array.path(Integer.MAX_VALUE);
    }
}
