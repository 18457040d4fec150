package dev.nohold.channel.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The SMS channel's settings under {@code nohold.sms.*}. Every word a texter reads is a prompt here, so an operator
 * translates the channel by setting them; placeholders in braces are filled in: {@code {reference}}, {@code {wait}},
 * {@code {position}}, {@code {minutes}}.
 */
@ConfigMapping(prefix = "nohold.sms")
public interface SmsConfig {

    /** Larger webhook bodies are refused unread: Twilio's own (1600 characters of text and its fields) are far smaller. */
    @WithDefault("65536")
    int maxWebhookBytes();

    /** How far back assignments count toward the expected wait. */
    @WithDefault("PT1H")
    java.time.Duration throughputWindow();

    /** MMS voice messages larger than this are not fetched (Twilio takes at most 5 MB of media in one message). */
    @WithDefault("5242880")
    long mediaMaxBytes();

    /** The wait for one download of an MMS voice message, all of it. */
    @WithDefault("30s")
    java.time.Duration mediaFetchTimeout();

    /** How often a voice message is asked of Twilio before its request is queued without it. */
    @WithDefault("3")
    int mediaFetchAttempts();

    /** How often voice messages whose fetch was interrupted (a node died mid-fetch) are looked for and fetched again. */
    @WithDefault("30s")
    java.time.Duration mediaResumeInterval();

    /** How often this node looks for notices (texts of no request, e.g. a flow's reminder) due to be sent. */
    @WithDefault("1s")
    java.time.Duration noticePollInterval();

    /** How long a notice Twilio could not take (unreachable, 5xx, 429) is tried again before it is given up. */
    @WithDefault("PT10M")
    java.time.Duration noticeRetryFor();

    Prompts prompts();

    interface Prompts {
        @WithDefault("Thanks, we have your request {reference}. {wait} Text STATUS for news, CANCEL to withdraw it.")
        String received();

        /** Told after a conversation flow's parting words when it hands the texter to people. */
        @WithDefault("We have your request {reference}. {wait} Text STATUS for news, CANCEL to withdraw it.")
        String handedOver();

        @WithDefault("Added to your request {reference}. {wait}")
        String joined();

        @WithDefault("Request {reference}: {wait}")
        String status();

        @WithDefault("An agent is working on it now.")
        String withAgent();

        @WithDefault("You are next; an agent will take it in a moment.")
        String waitNow();

        @WithDefault("You are number {position} in line; expected wait about {minutes} min.")
        String waitKnown();

        @WithDefault("You are number {position} in line; an agent will answer as soon as one is free.")
        String waitUnknown();

        @WithDefault("Request {reference} is cancelled. Text us again any time.")
        String cancelled();

        @WithDefault("You have no open request. Text your question and an agent will answer.")
        String noOpenRequest();

        @WithDefault("Nohold help line: text your question and an agent answers by text. STATUS: where your request "
                + "stands. CANCEL: withdraw it. STOP: no more texts, START: texts again. Msg&data rates may apply.")
        String help();

        /**
         * The answer to STOP. Unset by default because Twilio (on long codes and toll-free numbers) already answers
         * STOP with the carrier's confirmation and delivers nothing more to the number, ours included.
         */
        Optional<String> stopped();

        @WithDefault("You will get our texts again. Text your question and an agent will answer.")
        String started();

        /** Sent with (or as) an agent's recorded reply; {@code {link}} opens it in the phone's browser for a while. */
        @WithDefault("Listen to our answer: {link}")
        String recordedReply();

        @WithDefault("Please text your question in words; this line cannot read pictures or empty messages.")
        String empty();

        /** Said once to a number texting faster than {@code nohold.limits.per-address}; its later texts get silence. */
        @WithDefault("You are texting faster than we can take it in. Please wait {seconds} seconds, then text again.")
        String slowDown();
    }
}
