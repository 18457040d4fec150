package dev.nohold.core.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The channels found on the classpath, by id. */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    private final Map<String, Channel> byId;

    public Channels(@Any Instance<Channel> discovered) {
        this.byId = discovered.stream()
                .collect(Collectors.toUnmodifiableMap(Channel::id, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two channels claim the id '" + a.id() + "': "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }));
        LOG.infof("Channels: %s", byId.keySet().stream().sorted().toList());
    }

    public Optional<Channel> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Channel> all() {
        return byId.values().stream().sorted(Comparator.comparing(Channel::id)).toList();
    }
}
