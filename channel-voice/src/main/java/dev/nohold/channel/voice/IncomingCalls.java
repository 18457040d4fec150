package dev.nohold.channel.voice;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers an incoming call: bridged live to an idle agent when one with a phone is free, else the greeting and the
 * recording. The live path takes the ordinary road through the core: the call becomes a request ("live call"),
 * the dispatcher gives it to the idle agent (so the agent counts as busy for the whole call), and the call waits a
 * moment for that assignment. An agent who does not pick up releases the request (cancelled, with the reason) and the
 * caller leaves a recording, which becomes the request agents work on.
 */
@ApplicationScoped
public class IncomingCalls {

    static final String CHANNEL = "voice";
    private static final String LIVE_KEY = "live:";
    private static final Logger LOG = Logger.getLogger(IncomingCalls.class);

    private final Intake intake;
    private final Lifecycle lifecycle;
    private final VoiceTwiml twiml;
    private final VoiceConfig config;

    public IncomingCalls(Intake intake, Lifecycle lifecycle, VoiceTwiml twiml, VoiceConfig config) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.twiml = twiml;
        this.config = config;
    }

    public String answer(TwilioCall call) {
        if (config.liveDial() && QuarkusTransaction.requiringNew().call(IncomingCalls::someAgentCanTakeACall)) {
            IntakeReceipt receipt = intake.submit(InboundMessage.text(CHANNEL, call.from(),
                            "Live call from the caller: connecting to an agent")
                    .withProviderMessageId(LIVE_KEY + call.callSid(), call.callSid())
                    .withRouting(config.language(), null)
                    .withAttributes(Map.of("callSid", call.callSid(), "live", "true"))
                    .asOwnRequest());
            Optional<String> phone = awaitAgentPhone(receipt.id());
            if (phone.isPresent()) {
                LOG.infof("Call for request %s connected live to an agent", receipt.reference());
                return twiml.dial(phone.get());
            }
            release(receipt.id(), "no agent with a phone took the call in time; the caller leaves a message");
        }
        return twiml.takeMessage();
    }

    /** The live dial ended: answered means the conversation was the answer; anything else goes to the recording. */
    public String dialEnded(String callSid, String dialCallStatus) {
        Optional<Request> live = QuarkusTransaction.requiringNew().call(() -> liveRequest(callSid));
        if (live.isEmpty()) {
            return twiml.recordOnly();
        }
        if ("completed".equalsIgnoreCase(dialCallStatus) || "answered".equalsIgnoreCase(dialCallStatus)) {
            lifecycle.answeredLive(live.get().id, "live call with the caller ended");
            return twiml.sayAndHangUp(config.prompts().goodbye());
        }
        release(live.get().id, "the agent did not answer the live call (" + dialCallStatus + "); the caller leaves a"
                + " message");
        return twiml.recordOnly();
    }

    /** The live request of this call, if the call was offered to an agent. */
    static Optional<Request> liveRequest(String callSid) {
        return Request.find("channel = ?1 and providerMessageId = ?2", CHANNEL, LIVE_KEY + callSid)
                .firstResultOptional();
    }

    private Optional<String> awaitAgentPhone(UUID requestId) {
        long deadline = System.nanoTime() + config.liveDialWait().toNanos();
        do {
            Optional<String> phone = QuarkusTransaction.requiringNew().call(() -> assignedPhone(requestId));
            if (phone.isPresent()) {
                return phone;
            }
            pause();
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    private static Optional<String> assignedPhone(UUID requestId) {
        Request request = Request.findById(requestId);
        if (request == null || request.status != RequestStatus.ASSIGNED || request.assignedTo == null) {
            return Optional.empty();
        }
        String phone = request.assignedTo.phone;
        return phone == null || phone.isBlank() ? Optional.empty() : Optional.of(phone.strip());
    }

    private void release(UUID requestId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Request request = Request.findById(requestId);
            if (request != null && request.status.isOpen()) {
                lifecycle.cancel(requestId, reason);
            }
        });
    }

    private static boolean someAgentCanTakeACall() {
        return Agent.count("presence = ?1 and openAssignments < capacity and phone is not null and phone <> ''",
                Presence.AVAILABLE) > 0;
    }

    // The dispatcher runs right after the request's commit; a short pause between looks keeps the wait under a second.
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
