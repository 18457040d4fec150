package dev.nohold.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a customer's mail says and carries: its new words (the text part, or the HTML part as text, without the
 * quoted history) and its attachments, a voice memo among them.
 */
record MailContent(String text, List<Attachment> attachments, List<String> tooLarge) {

    /** A file attached to the mail, with the type the mail claims (the core detects the real one from the bytes). */
    record Attachment(String fileName, String mediaType, byte[] bytes) {
        boolean audio() {
            return mediaType.startsWith("audio/");
        }
    }

    Optional<Attachment> voiceMemo() {
        return attachments.stream().filter(Attachment::audio).findFirst();
    }

    List<Attachment> files() {
        Optional<Attachment> memo = voiceMemo();
        return attachments.stream().filter(file -> memo.isEmpty() || file != memo.get()).toList();
    }

    static MailContent of(Part mail, long maxAttachmentBytes) throws MessagingException, IOException {
        Reader reader = new Reader(maxAttachmentBytes);
        reader.walk(mail);
        String text = reader.plain != null ? reader.plain : reader.html != null ? HtmlText.of(reader.html) : "";
        return new MailContent(QuotedHistory.strip(text), List.copyOf(reader.attachments), List.copyOf(reader.tooLarge));
    }

    /** Walks the MIME tree once, keeping the first text and HTML parts and every attachment. */
    private static final class Reader {
        private final long maxAttachmentBytes;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<String> tooLarge = new ArrayList<>();
        private String plain;
        private String html;

        Reader(long maxAttachmentBytes) {
            this.maxAttachmentBytes = maxAttachmentBytes;
        }

        void walk(Part part) throws MessagingException, IOException {
            if (isAttachment(part)) {
                attach(part);
            } else if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    walk(child);
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (!part.isMimeType("text/*")) {
                attach(part);
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || part.getFileName() != null && !part.isMimeType("multipart/*");
        }

        private void attach(Part part) throws MessagingException, IOException {
            String name = fileName(part);
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readNBytes(Math.toIntExact(Math.min(maxAttachmentBytes + 1, Integer.MAX_VALUE - 8)));
            }
            if (bytes.length > maxAttachmentBytes) {
                tooLarge.add(name);
                return;
            }
            String type = part.getContentType() == null ? "application/octet-stream"
                    : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
            attachments.add(new Attachment(name, type, bytes));
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return "attachment";
            }
            try {
                return MimeUtility.decodeText(name);
            } catch (IOException e) {
                return name;
            }
        }
    }
}
