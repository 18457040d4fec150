package dev.nohold.core.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spoken request: the agent reads its transcript, flagged when unsure, beside a player of the recording. */
@QuarkusTest
@TestProfile(ScriptedSpeechProfile.class)
class SpokenRequestInTheBrowserTest extends InTheBrowser {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
    }

    @Test
    void theRecordingPlaysToItsEndBesideItsTranscriptFlaggedAsUnsure() {
        page = window(1280, 860);
        RealBrowser.logIn(page, "alice", Fixtures.PASSWORD);
        page.getByLabel("Presence").selectOption("AVAILABLE");
        intake.submit(InboundMessage.from(RecordingChannel.ID, "+15550101").audio(wav(400), "audio/wav").build());

        page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Requests").setExact(true))
                .getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#request-text")).hasText(ScriptedRecognizer.HEARD);
        assertThat(page.locator("#transcript-note")).hasText("Low confidence transcript (42 %): listen to the recording.");
        assertThat(page.locator("#request-audio")).isVisible();
        Object duration = page.evaluate("""
                () => new Promise((resolve, reject) => {
                  const audio = document.getElementById('request-audio');
                  audio.addEventListener('ended', () => resolve(audio.duration), { once: true });
                  audio.addEventListener('error', () => reject(new Error('audio error ' + audio.error.code)));
                  audio.play().catch(reject);
                })""");
        assertTrue(((Number) duration).doubleValue() > 0.3, "the whole recording played: " + duration + " s");
        RealBrowser.assertAccessible(page);
        RealBrowser.screenshot(page, "inbox-recording");
    }

    /** A WAV of {@code millis} of a quiet 440 Hz tone, 8 kHz mono 16-bit: small, and every browser plays it. */
    private static byte[] wav(int millis) {
        int rate = 8000;
        int samples = rate * millis / 1000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put(ascii("data")).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return wav.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
