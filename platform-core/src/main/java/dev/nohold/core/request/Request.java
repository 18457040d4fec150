package dev.nohold.core.request;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.speech.TranscriptWord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One thing a customer asked, on one channel, from intake to the delivered answer. */
@Entity
@Table(name = "customer_request")
public class Request extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The short code the customer is told and can quote. */
    public String reference;

    public String channel;

    /** The customer's address on the channel: a phone number, a chat session, a caller's id. */
    @Column(name = "customer_address")
    public String from;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    public String text;

    @Column(name = "audio_key")
    public String audioKey;

    @Column(name = "audio_type")
    public String audioType;

    /** Speech recognition's mean word confidence (0 to 1) for the text of a spoken request. */
    @Column(name = "transcript_confidence")
    public Double transcriptConfidence;

    /** Each recognized word with its place in the recording, so the inbox can follow along the audio. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "transcript_words")
    public List<TranscriptWord> transcriptWords;

    /** Until when one node owns this request's transcription; after that any node may take it up. */
    @Column(name = "transcription_lease_until")
    public Instant transcriptionLeaseUntil;

    /** How many times transcription was started; a recording that stops the platform each time is given up. */
    @Column(name = "transcription_attempts")
    public int transcriptionAttempts;

    public String language;

    @Column(name = "required_skill")
    public String requiredSkill;

    public int priority;

    /** Returned to the queue after its agent left: it goes first in line. */
    public boolean requeued;

    /** The provider's id of the message that made this request (Twilio's MessageSid, an Idempotency-Key). */
    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** A hash of what the provider sent, to tell an honest retry from a reused key. */
    public String fingerprint;

    /** The status the request had when intake answered; a retried intake answers the same. */
    @Enumerated(EnumType.STRING)
    @Column(name = "intake_status")
    public RequestStatus intakeStatus;

    /** Channel-specific facts the channel needs to answer (a callback URL, a call's language). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes = new HashMap<>();

    /** The person who asked; their other requests, on every channel, are shown beside this one. */
    @Column(name = "customer_id")
    public UUID customerId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_agent_id")
    public Agent assignedTo;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** When an agent last answered; a follow-up within the reopen window reopens the request. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
