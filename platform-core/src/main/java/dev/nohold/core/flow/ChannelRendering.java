package dev.nohold.core.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a flow's channel-neutral outputs into what each channel shows: voice a spoken prompt with what to gather
 * (keys and speech), SMS numbered menus and keywords, web chat text with quick-reply buttons, e-mail one reply that
 * lists the choices. It lives in the core as plain text and structure because the core imports no channel and a
 * channel should not need to know the flow's steps; the voice channel turns {@link Rendered.VoicePrompt} into TwiML
 * with the Twilio SDK, which only the channel modules depend on.
 */
public final class ChannelRendering {

    private ChannelRendering() {
    }

    public static Rendered render(String channel, List<Output> outputs) {
        return switch (channel) {
            case "voice" -> voice(outputs);
            case "webchat" -> webchat(outputs);
            case "email" -> email(outputs);
            default -> sms(channel, outputs);
        };
    }

    private static Rendered sms(String channel, List<Output> outputs) {
        List<String> parts = new ArrayList<>();
        for (Output output : outputs) {
            switch (output.type()) {
                case SAY -> parts.add(output.text());
                case MENU -> parts.add(output.text() + "\n" + output.choices().stream()
                        .map(choice -> (choice.digit() == null ? "-" : choice.digit()) + " " + choice.label())
                        .collect(Collectors.joining("\n")) + "\nReply with the number or a word.");
                case QUESTION -> parts.add(output.text() + hint(output.expects(), "Reply YES or NO."));
            }
        }
        return new Rendered(channel, String.join("\n", parts), List.of(), null);
    }

    private static Rendered webchat(List<Output> outputs) {
        List<String> parts = new ArrayList<>();
        List<String> buttons = List.of();
        for (Output output : outputs) {
            parts.add(output.text());
            if (output.type() == Output.Type.MENU) {
                buttons = output.choices().stream().map(Step.Choice::label).toList();
            } else if (output.expects() == Step.AskKind.YES_NO) {
                buttons = List.of("Yes", "No");
            }
        }
        return new Rendered("webchat", String.join("\n", parts), buttons, null);
    }

    private static Rendered email(List<Output> outputs) {
        List<String> parts = new ArrayList<>();
        for (Output output : outputs) {
            switch (output.type()) {
                case SAY -> parts.add(output.text());
                case MENU -> parts.add(output.text() + "\nReply to this e-mail with one of:\n" + output.choices()
                        .stream().map(choice -> "- " + choice.label()).collect(Collectors.joining("\n")));
                case QUESTION -> parts.add(output.text() + hint(output.expects(),
                        "Reply to this e-mail with yes or no."));
            }
        }
        return new Rendered("email", String.join("\n\n", parts), List.of(), null);
    }

    private static Rendered voice(List<Output> outputs) {
        List<String> parts = new ArrayList<>();
        List<String> keyParts = new ArrayList<>();
        boolean gather = false;
        int digits = 0;
        boolean words = false;
        List<String> hints = new ArrayList<>();
        for (Output output : outputs) {
            switch (output.type()) {
                case SAY -> {
                    parts.add(output.text());
                    keyParts.add(output.text());
                }
                case MENU -> {
                    parts.add(output.text() + " " + output.choices().stream()
                            .map(choice -> "For " + choice.label() + (choice.digit() == null ? ", say "
                                    + choice.label() : ", press " + choice.digit() + " or say " + choice.label()) + ".")
                            .collect(Collectors.joining(" ")));
                    keyParts.add(output.text() + " " + output.choices().stream()
                            .filter(choice -> choice.digit() != null)
                            .map(choice -> "For " + choice.label() + ", press " + choice.digit() + ".")
                            .collect(Collectors.joining(" ")));
                    gather = true;
                    digits = 1;
                    words = false;
                    output.choices().forEach(choice -> {
                        hints.add(choice.label());
                        hints.addAll(choice.keywords());
                    });
                }
                case QUESTION -> {
                    gather = true;
                    digits = output.expects() == Step.AskKind.YES_NO ? 1 : 0;
                    words = output.expects() == Step.AskKind.TEXT || output.expects() == Step.AskKind.DATE;
                    parts.add(output.text() + voiceHint(output.expects(), true));
                    keyParts.add(output.text() + voiceHint(output.expects(), false));
                    if (output.expects() == Step.AskKind.YES_NO) {
                        hints.addAll(List.of("yes", "no"));
                    }
                }
            }
        }
        String say = String.join(" ", parts);
        return new Rendered("voice", say, List.of(), new Rendered.VoicePrompt(say, gather, "dtmf speech", digits,
                List.copyOf(hints), String.join(" ", keyParts).strip(), words));
    }

    /** How a caller answers a question: by keys or in words, or (speech off) by keys alone. */
    private static String voiceHint(Step.AskKind kind, boolean speech) {
        return switch (kind) {
            case YES_NO -> speech ? " Press 1 or say yes; press 2 or say no." : " Press 1 for yes, 2 for no.";
            case NUMBER -> speech ? " Type it on your keypad and finish with the hash key, or say it."
                    : " Type it on your keypad and finish with the hash key.";
            default -> "";
        };
    }

    private static String hint(Step.AskKind kind, String yesNo) {
        return kind == Step.AskKind.YES_NO ? " " + yesNo : "";
    }
}
