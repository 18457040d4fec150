package dev.nohold.core.flow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A flow's row: its name, newest version and whether it answers customers (the versions are kept beside it). */
@Entity(name = "FlowRow")
@Table(name = "flow")
public class FlowRow extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public int version;

    public boolean active;

    @Column(name = "updated_at")
    public Instant updatedAt;

    FlowCatalog.Summary summary() {
        return new FlowCatalog.Summary(id, name, version, active);
    }
}
