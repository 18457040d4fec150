package dev.nohold.core.canned;

import dev.nohold.core.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The canned responses: every agent reads them, supervisors write them. */
@ApplicationScoped
@Transactional
public class CannedResponses {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 2000;

    private final Clock clock;

    public CannedResponses(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CannedResponse> all() {
        return CannedResponse.list("order by lower(title), id");
    }

    public CannedResponse add(String title, String body, String by) {
        String name = title == null ? "" : title.strip();
        String text = body == null ? "" : body.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE) {
            throw Refusal.badInput("title is required, at most " + MAX_TITLE + " characters");
        }
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw Refusal.badInput("text is required, at most " + MAX_BODY + " characters");
        }
        if (CannedResponse.count("lower(title) = ?1", name.toLowerCase(Locale.ROOT)) > 0) {
            throw Refusal.conflict("A canned response is already called '" + name + "': choose another title");
        }
        CannedResponse canned = new CannedResponse();
        canned.id = UUID.randomUUID();
        canned.title = name;
        canned.body = text;
        canned.createdBy = by;
        canned.createdAt = clock.instant();
        canned.persist();
        return canned;
    }

    public void remove(UUID id) {
        if (!CannedResponse.deleteById(id)) {
            throw Refusal.notFound("No canned response " + id);
        }
    }
}
