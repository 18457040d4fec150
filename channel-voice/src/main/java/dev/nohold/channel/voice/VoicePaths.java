package dev.nohold.channel.voice;

/** The voice channel's webhook paths, as Twilio calls them under {@code nohold.public-url}. */
public final class VoicePaths {

    public static final String INCOMING = "/channels/voice/twilio";
    public static final String RECORDED = INCOMING + "/recorded";
    public static final String STATUS = INCOMING + "/status";
    public static final String DIALED = INCOMING + "/dialed";
    /** Twilio calls it when the agent picks up, before the caller is bridged to them. */
    public static final String AGENT_ANSWERED = INCOMING + "/agent-answered";
    public static final String MENU = INCOMING + "/menu";
    /** The menu asked again after a wrong key, without trying the live dial a second time. */
    public static final String INCOMING_MENU = INCOMING + "/menu-again";
    /** A conversation flow's {@code <Gather>} reports the caller's keys or words (or the silence) here. */
    public static final String FLOW_TURN = INCOMING + "/flow-turn";
    /** A conversation flow's {@code <Record>} (speech not given to Twilio) sends the caller's spoken answer here. */
    public static final String FLOW_RECORDED = INCOMING + "/flow-recorded";
    public static final String REPLY_AUDIO = INCOMING + "/replies";

    private VoicePaths() {
    }
}
