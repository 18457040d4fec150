package dev.nohold.core.api;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.media.DiskMediaStore;
import dev.nohold.core.media.MediaItem;
import dev.nohold.core.media.MediaStore;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings and voice replies live in PostgreSQL, where every node reads them, and are served with the type
 * detected from their bytes (never the uploader's claim), nosniff, an inline name and byte ranges.
 */
@QuarkusTest
class MediaIsServedFromTheDatabaseAsDetectedTest {

    private static final byte[] WAV = audio("RIFF\0\0\0\0WAVEfmt ", 1000);
    private static final byte[] OGG = audio("OggS\0\2", 1500);

    @Inject
    Intake intake;
    @Inject
    MediaStore media;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "nohold.data-dir")
    String dataDir;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("owner");
        Fixtures.createAgent("other");
    }

    @Test
    void aCustomersRecordingIsStoredInTheDatabaseAndServedAsDetected() throws Exception {
        UUID id = recordedRequestAssignedToOwner();
        String reference = as("owner").get("/api/requests/" + id).then().extract().path("reference");

        String key = column("select audio_key from customer_request where id = ?", id);
        assertEquals("audio/ogg", column("select media_type from media where key = ?", key));
        assertArrayEquals(OGG, bytes("select bytes from media where key = ?", key));
        assertFalse(onDisk(key), "no file holds the recording");

        Response served = as("owner").get("/api/requests/" + id + "/audio");
        served.then().statusCode(200)
                .contentType("audio/ogg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + reference + ".ogg\"")
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private");
        assertArrayEquals(OGG, served.asByteArray());
    }

    @Test
    void anAgentsVoiceReplyIsStoredInTheDatabaseAndServedAsDetectedDespiteAFalseType() throws Exception {
        UUID id = recordedRequestAssignedToOwner();
        String replyUrl = voiceReply(id, WAV, "text/html");

        String key = column("select audio_key from reply where request_id = ?", id);
        assertEquals("audio/wav", column("select audio_type from reply where request_id = ?", id));
        assertEquals("audio/wav", column("select media_type from media where key = ?", key));
        assertArrayEquals(WAV, bytes("select bytes from media where key = ?", key));
        assertFalse(onDisk(key), "no file holds the reply");

        Response served = as("owner").get(replyUrl);
        served.then().statusCode(200)
                .contentType("audio/wav")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", org.hamcrest.Matchers.endsWith("-reply.wav\""));
        assertArrayEquals(WAV, served.asByteArray());
    }

    @Test
    void bytesThatAreNoAudioAreServedAsAnOpaqueDownloadWhateverTheirClaim() {
        UUID id = recordedRequestAssignedToOwner();
        String replyUrl = voiceReply(id, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "audio/wav");

        as("owner").get(replyUrl).then().statusCode(200)
                .contentType("application/octet-stream")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void rangesServeOnlyTheAskedBytesSoAnAudioElementCanSeek() {
        UUID id = recordedRequestAssignedToOwner();
        String url = voiceReply(id, WAV, "audio/wav");
        int size = WAV.length;

        Response first = as("owner").header("Range", "bytes=0-3").get(url);
        first.then().statusCode(206).contentType("audio/wav")
                .header("Content-Range", "bytes 0-3/" + size)
                .header("Content-Length", "4")
                .header("X-Content-Type-Options", "nosniff");
        assertArrayEquals("RIFF".getBytes(StandardCharsets.US_ASCII), first.asByteArray());

        Response suffix = as("owner").header("Range", "bytes=-10").get(url);
        suffix.then().statusCode(206).header("Content-Range", "bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(WAV, size - 10, size), suffix.asByteArray());

        Response openEnded = as("owner").header("Range", "bytes=900-").get(url);
        openEnded.then().statusCode(206).header("Content-Range", "bytes 900-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(WAV, 900, size), openEnded.asByteArray());

        as("owner").header("Range", "bytes=" + size + "-").get(url).then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + size);
    }

    @Test
    void anUnchangedItemIsNotSentAgain() {
        UUID id = recordedRequestAssignedToOwner();
        String url = "/api/requests/" + id + "/audio";
        String etag = as("owner").get(url).then().statusCode(200).extract().header("ETag");

        as("owner").header("If-None-Match", etag).get(url).then().statusCode(304);
        as("owner").header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
    }

    @Test
    void anAgentCannotFetchAnotherAgentsRequestAudio() {
        UUID id = recordedRequestAssignedToOwner();
        String replyUrl = voiceReply(id, WAV, "audio/wav");

        as("other").get("/api/requests/" + id + "/audio").then().statusCode(404).body("error", not(equalTo(null)));
        as("other").get(replyUrl).then().statusCode(404);
        as("other").header("Range", "bytes=0-3").get(replyUrl).then().statusCode(404);
    }

    @Test
    void aRecordingKeptOnDiskBeforeTheUpgradeIsStillServed() throws Exception {
        UUID id = recordedRequestAssignedToOwner();
        MediaItem earlier = new DiskMediaStore(Path.of(dataDir, "media")).put(WAV);
        update("update customer_request set audio_key = ? where id = ?", earlier.key(), id);

        Response served = as("owner").get("/api/requests/" + id + "/audio");
        served.then().statusCode(200).contentType("audio/wav").header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(WAV, served.asByteArray());
        Response range = as("owner").header("Range", "bytes=4-7").get("/api/requests/" + id + "/audio");
        range.then().statusCode(206);
        assertArrayEquals(Arrays.copyOfRange(WAV, 4, 8), range.asByteArray());
    }

    @Test
    void mediaCommitOrRollBackWithTheCallersTransaction() {
        String[] kept = new String[2];
        QuarkusTransaction.begin();
        kept[0] = media.put(WAV).key();
        QuarkusTransaction.rollback();
        QuarkusTransaction.requiringNew().run(() -> kept[1] = media.put(OGG).key());

        assertTrue(media.find(kept[0]).isEmpty(), "rolled back with its transaction");
        assertEquals("audio/ogg", media.find(kept[1]).orElseThrow().mediaType());
    }

    private UUID recordedRequestAssignedToOwner() {
        // Claimed as a web page: what is served must not depend on it.
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "caller", "please call back")
                .withAudio(OGG, "text/html")).id();
        Fixtures.presence("owner", "AVAILABLE");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as("owner").get("/api/requests/" + id)
                .then().statusCode(200).body("status", equalTo("ASSIGNED")));
        return id;
    }

    /** Posts a voice reply the way the inbox does and returns where its audio is served. */
    private static String voiceReply(UUID id, byte[] audio, String claimedType) {
        return as("owner").multiPart("audio", "reply", audio, claimedType)
                .post("/api/requests/" + id + "/reply")
                .then().statusCode(201)
                .extract().path("replies[0].audioUrl");
    }

    private boolean onDisk(String key) throws Exception {
        Path root = Path.of(dataDir, "media");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(file -> file.getFileName().toString().contains(key));
        }
    }

    private String column(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getString(1);
            }
        }
    }

    private byte[] bytes(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getBytes(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, update.executeUpdate());
        }
    }

    private static byte[] audio(String head, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
