package dev.nohold.channel.voice;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@code machines=RETRY}, an answering machine does not count: the callback is called again for a person. */
@QuarkusTest
@TestProfile(VoiceMachineRetryTest.MachinesRetry.class)
class VoiceMachineRetryTest {

    public static class MachinesRetry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nohold.voice.machines", "RETRY");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    @Test
    void machineAnsweredCallbackIsCalledAgainAndAPersonCompletesIt() {
        String id = VoiceWebhooks.recordedAndAssignedTo("mona", "CAmachine", "REmachine");
        as("mona").contentType(ContentType.JSON).body(Map.of("text", "Your parcel is on its way."))
                .post("/api/requests/" + id + "/reply").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 1);
        assertEquals("Enable", TwilioStandIn.callsPlaced().get(0).field("MachineDetection"));
        VoiceWebhooks.callbackStatus(TwilioStandIn.callsPlaced().get(0).sid(), "completed", "machine_start")
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.callsPlaced().size() == 2);
        VoiceWebhooks.callbackStatus(TwilioStandIn.callsPlaced().get(1).sid(), "completed", "human")
                .then().statusCode(204);
        as("admin").get("/api/requests/" + id).then().body("status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(2));
    }
}
