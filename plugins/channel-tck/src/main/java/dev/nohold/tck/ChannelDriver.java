package dev.nohold.tck;

import java.time.Duration;
import java.util.List;

/**
 * What the conformance kit needs from a channel's tests: how its provider talks to the platform and what the
 * platform asked the provider to send. A driver speaks the provider's own form (Twilio's signed form posts, a signed
 * JSON webhook, a mail dropped in a mailbox), so the kit proves the channel's real intake, never a shortcut into the
 * core. Methods with a default are capabilities a channel may lack; the kit skips their tests and says why.
 */
public interface ChannelDriver {

    /** The id the channel's {@code Channel} bean gives ({@code sms}, {@code email}, …). */
    String channelId();

    /**
     * A customer's address in the channel's own form, different for every {@code n} (a phone number in E.164, an
     * e-mail address): what the request's {@code from} must be.
     */
    String customer(int n);

    /**
     * The customer sends {@code text}, exactly as the provider delivers it, valid and signed, carrying the provider's
     * message id {@code messageId} (a {@code MessageSid}, a {@code Message-ID}, an {@code Idempotency-Key}).
     */
    void send(String customer, String text, String messageId) throws Exception;

    /** The provider delivers the same message again (a retry after a timeout): by default, the same call again. */
    default void resend(String customer, String text, String messageId) throws Exception {
        send(customer, text, messageId);
    }

    /**
     * Something that looks like the provider's but is not from it (a wrong signature, a spoofed sender, a mail
     * from our own address): the channel must refuse it and store nothing.
     */
    void sendForged(String customer, String text, String messageId) throws Exception;

    /** Something from the provider the channel cannot read (a required field missing, a broken payload). */
    void sendMalformed(String customer, String messageId) throws Exception;

    /** What the platform asked the provider to deliver so far, oldest first; a refused attempt is not in it. */
    List<Delivered> delivered();

    /**
     * The provider's next delivery attempt fails this way.
     *
     * @return words of the provider's reason that the agent must be shown (an error code, a status), never empty
     */
    String failNextDelivery(ProviderFailure failure);

    /**
     * The provider reports that what it accepted as {@code providerId} reached the customer (a status callback),
     * for a channel whose deliveries are SENT first. False when the provider has no such report.
     */
    default boolean confirmDelivered(String providerId) throws Exception {
        return false;
    }

    /** Clears the provider's records and the channel's own tables; called before each test, after the core's. */
    default void reset() throws Exception {
    }

    /**
     * Whether what the customer sends is text the request shows at once. False for a channel of recordings (voice):
     * the kit then expects no particular text, and a follow-up (audio makes a request of its own) is not tested.
     */
    default boolean sendsText() {
        return true;
    }

    /**
     * How long the kit waits for what the channel does after the provider spoke: longer for a channel that fetches
     * and transcribes a recording, or polls a mailbox.
     */
    default Duration patience() {
        return Duration.ofSeconds(15);
    }

    /**
     * The customer makes a live contact now ({@code contactId}: the provider's id for it, such as a {@code CallSid})
     * while an agent who can take it is idle. Called only for a channel with a live-contact hook.
     */
    default void contactLive(String customer, String contactId) throws Exception {
        throw new UnsupportedOperationException("this driver makes no live contact");
    }

    /** The held agent took the live contact (they answered the call): the request must be made, theirs. */
    default void agentTookLiveContact(String customer, String contactId) throws Exception {
        throw new UnsupportedOperationException("this driver makes no live contact");
    }
}
