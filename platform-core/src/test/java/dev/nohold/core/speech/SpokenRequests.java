package dev.nohold.core.speech;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.RecordingChannel;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/** Submits recordings the way a channel does and reads requests back the way the inbox does. */
final class SpokenRequests {

    /** Covers the model's first load in a fresh test JVM. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private SpokenRequests() {
    }

    static UUID submit(Intake intake, byte[] recording) {
        return intake.submit(InboundMessage.text(RecordingChannel.ID, "caller", null)
                .withAudio(recording, "audio/wav")).id();
    }

    static JsonPath view(UUID id) {
        return as("admin").get("/api/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until speech is done with the request and returns it as the API shows it. */
    static JsonPath awaitQueued(UUID id) {
        await().atMost(PATIENCE).until(() -> !"TRANSCRIBING".equals(view(id).getString("status")));
        return view(id);
    }

    static byte[] audio(UUID id) {
        return as("admin").get("/api/requests/" + id + "/audio").then().statusCode(200).extract().asByteArray();
    }

    /** The detail of the request's first event of the given type, or null. */
    static String detailOf(JsonPath request, String type) {
        return request.getString("events.find { it.type == '" + type + "' }.detail");
    }
}
