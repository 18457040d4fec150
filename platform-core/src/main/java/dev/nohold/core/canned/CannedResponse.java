package dev.nohold.core.canned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A ready-made answer an agent inserts into a reply; its body may hold placeholders the inbox fills in. */
@Entity
@Table(name = "canned_response")
public class CannedResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String body;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
