package dev.nohold.core.flow;

import dev.nohold.core.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flows the platform knows, stored in PostgreSQL so every node serves the same: each version as uploaded, the
 * newest one, and whether it answers customers. A flow is only stored when it validates, and only activated (or
 * changed while active) when its own examples pass. The default flows are shipped as resources and stored, active,
 * the first time the platform starts.
 */
@ApplicationScoped
@Transactional
public class FlowCatalog {

    private static final Logger LOG = Logger.getLogger(FlowCatalog.class);
    /** Shipped with the platform and active on every channel out of the box. */
    static final List<String> DEFAULTS = List.of("answers", "account-line");

    /** How long this node trusts its view of the active flows before reading it again (other nodes change it). */
    static final Duration VIEW_AGE = Duration.ofSeconds(2);

    /** A flow as listed: its id, name, newest version and whether it answers customers. */
    public record Summary(String id, String name, int version, boolean active) {
    }

    /** How the active flows reach a customer arriving on a channel at an entry point, by this node's view. */
    public enum Reach {
        /** No active flow serves the channel at all. */
        NONE,
        /** Active flows serve the channel, but only at other entry points. */
        OTHER_ENTRIES,
        /** An active flow serves the channel at this entry point. */
        SERVES
    }

    private final EntityManager entityManager;
    private final FlowSimulator simulator;
    private final Clock clock;
    private final Map<String, Flow> versions = new ConcurrentHashMap<>();
    /** Commits of activate, deactivate and put on this node renew the view at once (null in a test's own catalog). */
    @Inject
    TransactionSynchronizationRegistry transactions;
    private volatile ActiveView view;

    public FlowCatalog(EntityManager entityManager, FlowSimulator simulator, Clock clock) {
        this.entityManager = entityManager;
        this.simulator = simulator;
        this.clock = clock;
    }

    void installDefaults(@Observes StartupEvent started) {
        for (String id : DEFAULTS) {
            installDefault(id);
        }
    }

    /** Stores a shipped flow, active, unless a flow of that id exists (an admin may have changed or stopped it). */
    public void installDefault(String id) {
        if (entityManager.find(FlowRow.class, id) != null) {
            return;
        }
        String document = "flows/" + id + ".yaml";
        Flow flow = FlowReader.read(document, resource(document));
        int inserted = entityManager.createNativeQuery("insert into flow (id, name, version, active, updated_at)"
                        + " values (?1, ?2, ?3, true, ?4) on conflict do nothing")
                .setParameter(1, id).setParameter(2, flow.name()).setParameter(3, flow.version())
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        if (inserted == 1) {
            viewChanged();
            storeVersion(flow, flow.version());
            LOG.infof("Installed the default flow '%s', active on every channel", id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> all() {
        return entityManager.createQuery("from FlowRow", FlowRow.class).getResultList().stream()
                .map(FlowRow::summary).sorted(Comparator.comparing(Summary::id)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(String id) {
        return row(id).summary();
    }

    /** The newest version's YAML, as uploaded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String source(String id) {
        FlowRow row = row(id);
        return (String) entityManager.createNativeQuery("select source from flow_version where flow_id = ?1"
                        + " and version = ?2").setParameter(1, id).setParameter(2, row.version).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Flow newest(String id) {
        return version(id, row(id).version);
    }

    /** One version of a flow; versions never change once stored, so each is read once per node. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Flow version(String id, int version) {
        return versions.computeIfAbsent(id + "@" + version, key -> {
            @SuppressWarnings("unchecked")
            List<String> source = entityManager.createNativeQuery("select source from flow_version where flow_id = ?1"
                    + " and version = ?2").setParameter(1, id).setParameter(2, version).getResultList();
            if (source.isEmpty()) {
                throw Refusal.notFound("No flow '" + id + "' in version " + version);
            }
            return FlowReader.read("flows/" + id + ".yaml", source.get(0)).withVersion(version);
        });
    }

    /**
     * Stores a new version of flow {@code id} from its YAML, refused (400, with the line) when it does not validate.
     * A flow already active must also pass its examples, or nothing is stored (409 saying which failed).
     */
    public Summary put(String id, String yaml) {
        Flow flow = FlowReader.read("flows/" + id + ".yaml", yaml);
        if (!id.equals(flow.id())) {
            throw Refusal.badInput("flows/" + id + ".yaml line 1: the document's id is '" + flow.id()
                    + "', but it was uploaded as '" + id + "'");
        }
        FlowRow row = entityManager.find(FlowRow.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new FlowRow();
            row.id = id;
            row.version = 0;
            row.active = false;
        } else if (row.active) {
            requireExamplesPass(flow);
        }
        int version = Math.max(flow.version(), row.version + 1);
        row.name = flow.name();
        row.version = version;
        row.updatedAt = clock.instant();
        entityManager.persist(row);
        entityManager.flush();
        storeVersion(flow, version);
        viewChanged();
        return row.summary();
    }

    /** Turns the flow on for its entry points, once it validates and its own examples come out as written. */
    public Summary activate(String id) {
        FlowRow row = row(id);
        requireExamplesPass(newest(id));
        row.active = true;
        row.updatedAt = clock.instant();
        viewChanged();
        return row.summary();
    }

    public Summary deactivate(String id) {
        FlowRow row = row(id);
        row.active = false;
        row.updatedAt = clock.instant();
        viewChanged();
        return row.summary();
    }

    /**
     * The active flow that serves a customer arriving on {@code channel} at {@code entry}: the one whose entry points
     * fit best (channel and entry named before any channel, before the channel alone), ties by id.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Flow> serving(String channel, String entry) {
        Flow best = null;
        int bestFit = -1;
        for (FlowRow row : entityManager.createQuery("from FlowRow where active = true order by id", FlowRow.class)
                .getResultList()) {
            Flow flow;
            try {
                flow = version(row.id, row.version);
            } catch (FlowInvalid e) {
                // Stored under older rules of the reader: customers go on to the next flow, the admin sees why.
                LOG.warnf("The active flow '%s' v%d no longer reads and serves nobody: %s", row.id, row.version,
                        e.getMessage());
                continue;
            }
            int fit = flow.fit(channel, entry);
            if (fit > bestFit) {
                best = flow;
                bestFit = fit;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How the active flows reach a customer on {@code channel} at {@code entry}, without a statement: from this
     * node's view of the active flows, changed at once by what this node activates, deactivates or stores, and read
     * afresh every {@link #VIEW_AGE} for what other nodes did. A flow activated on another node a moment ago may not
     * be known yet: the customer's text is then taken as a request, as before the flow was on; one deactivated there
     * may still send a text here to {@link #serving}, which reads the database and finds it off.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Reach reach(String channel, String entry) {
        ActiveView known = view;
        Instant now = clock.instant();
        if (known == null || now.isAfter(known.readAt().plus(VIEW_AGE)) || now.isBefore(known.readAt())) {
            known = new ActiveView(QuarkusTransaction.requiringNew().call(this::activeFlows), now);
            view = known;
        }
        Reach reach = Reach.NONE;
        for (Flow flow : known.flows()) {
            if (flow.fit(channel, entry) >= 0) {
                return Reach.SERVES;
            }
            if (flow.entryPoints().stream().anyMatch(point -> "*".equals(point.channel())
                    || point.channel().equals(channel))) {
                reach = Reach.OTHER_ENTRIES;
            }
        }
        return reach;
    }

    /** Forgets the versions read so far and the view of the active flows (tests that empty the tables). */
    void forget() {
        versions.clear();
        view = null;
    }

    private List<Flow> activeFlows() {
        List<Flow> active = new java.util.ArrayList<>();
        for (FlowRow row : entityManager.createQuery("from FlowRow where active = true order by id", FlowRow.class)
                .getResultList()) {
            try {
                active.add(version(row.id, row.version));
            } catch (FlowInvalid e) {
                // serving() says why (it logs the flow that no longer reads); here it simply reaches nobody.
            }
        }
        return List.copyOf(active);
    }

    /**
     * The view is dropped now and again once the change commits, so a text read in between (seeing the old rows)
     * is not kept as this node's view for long.
     */
    private void viewChanged() {
        view = null;
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    view = null;
                }
            });
        }
    }

    /** The active flows as this node last read them. */
    private record ActiveView(List<Flow> flows, Instant readAt) {
    }

    private void requireExamplesPass(Flow flow) {
        for (FlowExample example : flow.examples()) {
            simulator.check(flow, example).ifPresent(failure -> {
                throw Refusal.conflict("flows/" + flow.id() + ".yaml line " + example.line() + ": example '"
                        + example.name() + "' failed: " + failure);
            });
        }
    }

    private void storeVersion(Flow flow, int version) {
        entityManager.createNativeQuery("insert into flow_version (flow_id, version, source, created_at)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, flow.id()).setParameter(2, version).setParameter(3, flow.source())
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
    }

    private FlowRow row(String id) {
        FlowRow row = entityManager.find(FlowRow.class, id);
        if (row == null) {
            throw Refusal.notFound("No flow '" + id + "'");
        }
        return row;
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The default flow " + path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
