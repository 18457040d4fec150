package dev.nohold.channel.sms;

import dev.nohold.channel.sms.HandledMessage.Outcome;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one incoming text: a keyword (STOP, START, HELP, STATUS, CANCEL) steers, anything else is a question that
 * joins the texter's request still waiting for an agent or makes a new one. All of it commits before the webhook is
 * answered, and texts from one number are handled one at a time (a lock on the number), so two quick texts never
 * make two requests. The answer is the text to send back, or empty for none.
 */
@ApplicationScoped
@Transactional
public class SmsInbound {

    static final String CHANNEL = "sms";
    private static final Logger LOG = Logger.getLogger(SmsInbound.class);
    private static final List<RequestStatus> WAITING =
            List.of(RequestStatus.RECEIVED, RequestStatus.TRANSCRIBING, RequestStatus.QUEUED);
    private static final List<RequestStatus> OPEN =
            List.of(RequestStatus.RECEIVED, RequestStatus.TRANSCRIBING, RequestStatus.QUEUED, RequestStatus.ASSIGNED);

    private final Intake intake;
    private final Lifecycle lifecycle;
    private final OptOuts optOuts;
    private final WaitEstimates waits;
    private final SmsConfig.Prompts prompts;
    private final Clock clock;
    private final int maxTextLength;

    public SmsInbound(Intake intake, Lifecycle lifecycle, OptOuts optOuts, WaitEstimates waits, SmsConfig config,
                      Clock clock, NoholdConfig nohold) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.optOuts = optOuts;
        this.waits = waits;
        this.prompts = config.prompts();
        this.clock = clock;
        this.maxTextLength = nohold.intake().maxTextLength();
    }

    public Optional<String> take(InboundSms sms) {
        Request.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:from))")
                .setParameter("from", "sms:" + sms.from()).getSingleResult();
        HandledMessage earlier = HandledMessage.findById(sms.messageSid());
        if (earlier != null) {
            return repeat(earlier);
        }
        Optional<Keyword> keyword = Keyword.of(sms.body());
        if (optOuts.isOptedOut(sms.from()) && keyword.filter(k -> k == Keyword.START || k == Keyword.HELP).isEmpty()) {
            // Nothing can be sent back to this number, not even an answer, until it texts START.
            LOG.infof("Text %s from opted-out %s ignored", sms.messageSid(), Masked.phone(sms.from()));
            handled(sms, null, Outcome.IGNORED);
            return Optional.empty();
        }
        if (keyword.isPresent()) {
            return steer(keyword.get(), sms);
        }
        if (sms.body().isBlank()) {
            handled(sms, null, Outcome.EMPTY);
            return Optional.of(prompts.empty());
        }
        return question(sms);
    }

    private Optional<String> question(InboundSms sms) {
        // A text that would make the waiting request too long for the core starts a new one instead.
        Optional<Request> waiting = newest(sms.from(), WAITING).filter(request -> request.text == null
                || request.text.length() + 1 + sms.body().strip().length() <= maxTextLength);
        if (waiting.isPresent() && lifecycle.addText(waiting.get().id, sms.body(), "SMS " + sms.messageSid())) {
            Request request = waiting.get();
            handled(sms, request.id, Outcome.JOINED);
            LOG.infof("Text %s joined request %s", sms.messageSid(), request.reference);
            return Optional.of(acknowledge(prompts.joined(), request));
        }
        IntakeReceipt receipt = intake.submit(InboundMessage.text(CHANNEL, sms.from(), sms.body())
                .withProviderMessageId(sms.messageSid(), sms.fingerprint())
                .withAttributes(sms.to() == null ? Map.of() : Map.of("to", sms.to())));
        if (!receipt.duplicate()) {
            handled(sms, receipt.id(), Outcome.NEW_REQUEST);
        }
        return Optional.of(acknowledge(prompts.received(), Request.findById(receipt.id())));
    }

    private Optional<String> steer(Keyword keyword, InboundSms sms) {
        return switch (keyword) {
            case STOP -> {
                optOuts.optOut(sms.from(), "texted " + sms.body().strip());
                handled(sms, null, Outcome.STOP);
                yield prompts.stopped();
            }
            case START -> {
                optOuts.optIn(sms.from());
                handled(sms, null, Outcome.START);
                yield Optional.of(prompts.started());
            }
            case HELP -> {
                handled(sms, null, Outcome.HELP);
                yield Optional.of(prompts.help());
            }
            case STATUS -> {
                Optional<Request> open = newest(sms.from(), OPEN);
                handled(sms, open.map(r -> r.id).orElse(null), Outcome.STATUS);
                yield Optional.of(open.map(r -> acknowledge(prompts.status(), r)).orElse(prompts.noOpenRequest()));
            }
            case CANCEL -> Optional.of(cancel(sms));
        };
    }

    private String cancel(InboundSms sms) {
        Optional<Request> open = newest(sms.from(), OPEN);
        handled(sms, open.map(r -> r.id).orElse(null), Outcome.CANCEL);
        if (open.isEmpty()) {
            return prompts.noOpenRequest();
        }
        Request request = open.get();
        lifecycle.cancel(request.id, "the customer texted CANCEL");
        LOG.infof("Request %s cancelled by SMS", request.reference);
        return Prompts.fill(prompts.cancelled(), Map.of("reference", request.reference));
    }

    /** Twilio sent this MessageSid again: answer as the first time, acting on nothing twice. */
    private Optional<String> repeat(HandledMessage earlier) {
        Request request = earlier.requestId == null ? null : Request.findById(earlier.requestId);
        return switch (earlier.handledAs) {
            case NEW_REQUEST -> Optional.of(acknowledge(prompts.received(), request));
            case JOINED -> Optional.of(acknowledge(prompts.joined(), request));
            case STATUS -> Optional.of(request == null ? prompts.noOpenRequest() : acknowledge(prompts.status(), request));
            case CANCEL -> Optional.of(request == null ? prompts.noOpenRequest()
                    : Prompts.fill(prompts.cancelled(), Map.of("reference", request.reference)));
            case STOP -> prompts.stopped();
            case START -> Optional.of(prompts.started());
            case HELP -> Optional.of(prompts.help());
            case EMPTY -> Optional.of(prompts.empty());
            case IGNORED -> Optional.empty();
        };
    }

    private String acknowledge(String template, Request request) {
        String wait = request.status.isOpen() ? waits.describe(request) : "";
        return Prompts.fill(template, Map.of("reference", request.reference, "wait", wait));
    }

    private static Optional<Request> newest(String from, List<RequestStatus> statuses) {
        return Request.find("from Request r where r.channel = ?1 and r.from = ?2 and r.status in ?3"
                        + " order by r.createdAt desc, r.id",
                CHANNEL, from, statuses).firstResultOptional();
    }

    private void handled(InboundSms sms, UUID requestId, Outcome outcome) {
        HandledMessage handled = new HandledMessage();
        handled.messageSid = sms.messageSid();
        handled.requestId = requestId;
        handled.handledAs = outcome;
        handled.receivedAt = clock.instant();
        handled.persist();
    }
}
