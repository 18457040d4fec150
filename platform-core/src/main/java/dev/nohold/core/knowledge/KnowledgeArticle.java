package dev.nohold.core.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A question customers ask, the other ways they ask it, and the answer a supervisor wrote for it. */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle extends PanacheEntityBase {

    @Id
    public java.util.UUID id;

    public String question;

    public String answer;

    /** One phrasing a line; the column is text so the generated search vector stays immutable (see V12). */
    @Column(name = "alternatives")
    String alternativeLines;

    public String language;

    public String author;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> alternatives() {
        return alternativeLines == null || alternativeLines.isEmpty() ? List.of()
                : Arrays.stream(alternativeLines.split("\n")).toList();
    }

    void alternatives(List<String> phrasings) {
        alternativeLines = String.join("\n", phrasings);
    }
}
