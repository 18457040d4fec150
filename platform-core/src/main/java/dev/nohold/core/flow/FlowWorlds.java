package dev.nohold.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.customer.CustomerAddress;
import dev.nohold.core.knowledge.KnowledgeBase;
import dev.nohold.core.knowledge.KnowledgeMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world a flow runs in on this platform: the platform's clock (or a fixed time, for examples), the knowledge
 * base (none until one is installed: then no answer is confident), the queue and the agents in PostgreSQL, the
 * customer's earlier requests, and the customer's systems over HTTP with a signed body and a time limit.
 */
@ApplicationScoped
public class FlowWorlds {

    /** The header a flow's call signs its body in, as the webhook channel does: {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Nohold-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instance<KnowledgeBase> knowledge;
    private final EntityManager entityManager;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public FlowWorlds(Instance<KnowledgeBase> knowledge, EntityManager entityManager, Clock clock) {
        this.knowledge = knowledge;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The world of one customer, at the platform's time, or at {@code at} when it is not null. */
    public FlowWorld of(String channel, String address, Instant at) {
        return new FlowWorld() {
            @Override
            public Instant now() {
                return at == null ? clock.instant() : at;
            }

            @Override
            public List<KnowledgeMatch> search(String question, String language, int limit) {
                return knowledge.isResolvable() ? knowledge.get().search(question, language, limit) : List.of();
            }

            @Override
            public int queueLength() {
                return ((Number) entityManager.createNativeQuery(
                        "select count(*) from customer_request where status = 'QUEUED'").getSingleResult()).intValue();
            }

            @Override
            public boolean agentFree() {
                return ((Number) entityManager.createNativeQuery("select count(*) from agent where presence ="
                        + " 'AVAILABLE' and open_assignments < capacity").getSingleResult()).intValue() > 0;
            }

            @Override
            public int earlierRequests() {
                return ((Number) entityManager.createNativeQuery("select count(*) from customer_request r join"
                                + " customer_address a on a.customer_id = r.customer_id where a.identity = ?1")
                        .setParameter(1, CustomerAddress.identityOf(channel, address)).getSingleResult()).intValue();
            }

            @Override
            public Map<String, String> call(Step.Call call, Map<String, String> values) throws IOException {
                return FlowWorlds.this.call(call, values);
            }
        };
    }

    Map<String, String> call(Step.Call call, Map<String, String> values) throws IOException {
        byte[] body = JSON.writeValueAsBytes(values);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url()))
                .timeout(call.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (call.secret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(secret(call.secret()), body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("it answered " + response.statusCode());
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (response.body().length > 0) {
            JsonNode answer = JSON.readTree(response.body());
            answer.properties().forEach(field -> {
                if (field.getValue().isValueNode()) {
                    result.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        return result;
    }

    /** A secret written as {@code ${name}} is read from configuration (or the environment), never the document. */
    private static String secret(String written) {
        if (written.startsWith("${") && written.endsWith("}")) {
            String name = written.substring(2, written.length() - 1);
            return ConfigProvider.getConfig().getOptionalValue(name, String.class)
                    .orElseThrow(() -> new IllegalStateException("the secret " + name + " is not configured"));
        }
        return written;
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
