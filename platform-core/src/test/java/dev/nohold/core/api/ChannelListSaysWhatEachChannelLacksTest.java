package dev.nohold.core.api;

import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChannelListSaysWhatEachChannelLacksTest {

    @Inject
    RecordingChannel channel;

    @AfterEach
    void healthyAgain() {
        channel.standing(null, null);
    }

    @Test
    void aConfiguredChannelThatWorksIsListedHealthyWithItsNameAndIcon() {
        as("admin").get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'test' }.name", equalTo("Test channel"))
                .body("find { it.id == 'test' }.icon", equalTo(channel.icon()))
                .body("find { it.id == 'test' }.configured", equalTo(true))
                .body("find { it.id == 'test' }.healthy", equalTo(true))
                .body("find { it.id == 'test' }.lastError", nullValue());
    }

    @Test
    void aChannelWithoutItsConfigurationSaysWhatItLacksAndTheNodeStaysReady() {
        channel.standing("nohold.test.secret is not set", null);

        as("admin").get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'test' }.configured", equalTo(false))
                .body("find { it.id == 'test' }.healthy", equalTo(false))
                .body("find { it.id == 'test' }.lastError", equalTo("Not configured: nohold.test.secret is not set"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'channels' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'channels' }.data.test",
                        equalTo("Not configured: nohold.test.secret is not set"));
    }

    @Test
    void aChannelWhoseProviderFailedIsUnhealthyWithTheError() {
        channel.standing(null, "The mail server could not be reached: ConnectException");

        as("admin").get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'test' }.configured", equalTo(true))
                .body("find { it.id == 'test' }.healthy", equalTo(false))
                .body("find { it.id == 'test' }.lastError",
                        equalTo("The mail server could not be reached: ConnectException"));
    }

    @Test
    void theListNeedsALogin() {
        given().get("/api/channels").then().statusCode(401);
    }
}
