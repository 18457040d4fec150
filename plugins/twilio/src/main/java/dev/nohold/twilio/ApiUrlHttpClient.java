package dev.nohold.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The SDK's HTTP client, sending every call to {@code nohold.twilio.api-url} instead of the Twilio domain the SDK
 * built the URL from (the SDK has no setting for that): scheme, host and port are replaced, path and parameters kept.
 *
 * <p>It also never retries by itself: the SDK would repeat a message creation on any 5xx within a few hundred
 * milliseconds, and Apache HttpClient's default strategy repeats even a POST answered 429 or 503; the core's outbox
 * retries instead, with back-off, and writes each attempt on the request's timeline.
 */
public class ApiUrlHttpClient extends NetworkHttpClient {

    private final URI apiUrl;

    public ApiUrlHttpClient(String apiUrl) {
        super(withoutRetries());
        this.apiUrl = URI.create(apiUrl);
        if (this.apiUrl.getScheme() == null || this.apiUrl.getHost() == null) {
            throw new IllegalArgumentException("nohold.twilio.api-url must be an absolute URL, not " + apiUrl);
        }
    }

    // What the SDK's default constructor builds, less the automatic retries.
    private static HttpClientBuilder withoutRetries() {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG);
        connections.setDefaultMaxPerRoute(10);
        connections.setMaxTotal(20);
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
                .disableAutomaticRetries();
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(redirected(request));
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    /** A copy of the request aimed at the configured API host. */
    Request redirected(Request original) {
        String target = rewrite(original.getUrl());
        Request copy = new Request(original.getMethod(), target) {
            // The SDK rewrites a host with four or five labels as product.edge.region.domain; ours is final.
            @Override
            protected String buildURL() {
                return target;
            }
        };
        copyAll(original.getQueryParams(), copy::addQueryParam);
        copyAll(original.getPostParams(), copy::addPostParam);
        copyAll(original.getHeaderParams(), copy::addHeaderParam);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.requiresAuthentication()) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private String rewrite(String url) {
        try {
            URI sdkUrl = new URI(url);
            return new URI(apiUrl.getScheme(), null, apiUrl.getHost(), apiUrl.getPort(),
                    basePath() + sdkUrl.getPath(), null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The Twilio SDK built an unusable URL: " + url, e);
        }
    }

    private String basePath() {
        String path = apiUrl.getPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }

    private static void copyAll(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }
}
