package dev.nohold.core.reply;

/** What an agent answers: text, a recorded voice, or both. */
public record ReplyDraft(String text, byte[] audio, String audioType) {

    public static ReplyDraft text(String text) {
        return new ReplyDraft(text, null, null);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean hasAudio() {
        return audio != null && audio.length > 0;
    }
}
