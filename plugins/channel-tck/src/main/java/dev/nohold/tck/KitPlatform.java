package dev.nohold.tck;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.Channels;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/**
 * The platform as the kit sees it: through the same API agents and supervisors use (so the kit checks what people
 * would see), plus the channel bean itself for what it declares (a fallback, a live-contact hook).
 */
final class KitPlatform {

    static final String AGENT = "kit-agent";
    static final String AGENT_PHONE = "+15557650000";

    private final String channel;

    KitPlatform(String channel) {
        this.channel = channel;
    }

    /** An empty platform: no requests, no agents but the admin. */
    static void reset() {
        Fixtures.reset(Arc.container().instance(DataSource.class).get());
    }

    Optional<Channel> bean() {
        return Arc.container().instance(Channels.class).get().find(channel);
    }

    static boolean installed(String channelId) {
        return Arc.container().instance(Channels.class).get().find(channelId).isPresent();
    }

    /** The channel as {@code GET /api/channels} lists it, or null. */
    static Map<String, Object> listed(String channelId) {
        return as("admin").get("/api/channels").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(c -> channelId.equals(c.get("id"))).findFirst()
                .orElse(null);
    }

    /** Every request of the channel, newest first, as the admin lists them. */
    List<Map<String, Object>> requests() {
        return as("admin").get("/api/requests?channel=" + channel + "&size=500").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> requestsFrom(String customer) {
        return requests().stream().filter(request -> customer.equals(request.get("from"))).toList();
    }

    /** Every request on any channel: what a forged message might have made under another channel's id. */
    static int allRequests() {
        return Integer.parseInt(as("admin").get("/api/requests").then().statusCode(200).extract()
                .header("X-Total-Count"));
    }

    JsonPath view(Object requestId) {
        return as("admin").get("/api/requests/" + requestId).then().statusCode(200).extract().jsonPath();
    }

    /** An available agent with room for several requests and a phone, so they can take any channel's work. */
    static void availableAgent() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", AGENT, "password", Fixtures.PASSWORD, "displayName", "Kit agent",
                        "phone", AGENT_PHONE, "capacity", 5))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence(AGENT, "AVAILABLE");
    }

    static void reply(Object requestId, String text) {
        as(AGENT).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/requests/" + requestId + "/reply").then().statusCode(201);
    }

    /**
     * Polls until {@code done} holds for what {@code read} gives, or fails with {@code failure} applied to the last
     * thing read: what the channel did, against what the core expected.
     */
    static <T> T eventually(Duration patience, Supplier<T> read, Predicate<T> done, Function<T, String> failure) {
        Object[] last = new Object[1];
        try {
            return await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> {
                T value = read.get();
                last[0] = value;
                return value;
            }, done::test);
        } catch (ConditionTimeoutException e) {
            @SuppressWarnings("unchecked")
            T seen = (T) last[0];
            throw new AssertionError(failure.apply(seen) + " (waited " + patience.toSeconds() + " s)");
        }
    }
}
