package dev.nohold.channel.email;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The platform starts with the e-mail channel installed but no mail server set, and says what is missing. */
@QuarkusTest
@TestProfile(EmailChannelWithoutItsServersTest.NoMailServer.class)
class EmailChannelWithoutItsServersTest {

    /** Only the database: the test mail server, and so every nohold.email setting, is left out. */
    public static class NoMailServer implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    @Test
    void theChannelIsListedAsNotConfiguredWithWhatItLacksAndTheNodeIsReady() {
        as("admin").get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'email' }.name", equalTo("E-mail"))
                .body("find { it.id == 'email' }.configured", equalTo(false))
                .body("find { it.id == 'email' }.healthy", equalTo(false))
                .body("find { it.id == 'email' }.lastError", equalTo("Not configured: nohold.email.address is not set"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'channels' }.data.email",
                        equalTo("Not configured: nohold.email.address is not set"));
    }
}
