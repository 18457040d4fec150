package dev.nohold.core.speech;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

@QuarkusTest
class SpeechNeverHoldsBackReadinessTest {

    @Test
    void theNodeIsReadyWhileTheModelLoadsAndTheHealthCheckSaysHowFarItIs() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'speech' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.data.state", oneOf("LOADING", "READY"));
    }
}
