package dev.nohold.core.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a request's timeline: a change of status (typed by the new status) or another fact. */
@Entity
@Table(name = "request_event")
public class RequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id")
    public UUID requestId;

    public Instant at;

    public String type;

    public String detail;

    public static List<RequestEvent> timeline(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
