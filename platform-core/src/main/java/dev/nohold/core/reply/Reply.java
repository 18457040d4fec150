package dev.nohold.core.reply;

import dev.nohold.core.agent.Agent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent's answer to a request, by text and/or a recorded voice. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agent_id")
    public Agent by;

    public String text;

    @Column(name = "audio_key")
    public String audioKey;

    @Column(name = "audio_type")
    public String audioType;

    public Instant at;

    public static List<Reply> ofRequest(UUID requestId) {
        return list("from Reply r join fetch r.by where r.requestId = ?1 order by r.at, r.id", requestId);
    }
}
