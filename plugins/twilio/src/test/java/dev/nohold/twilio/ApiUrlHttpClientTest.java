package dev.nohold.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiUrlHttpClientTest {

    @Test
    void aRequestBuiltForTwilioGoesToTheConfiguredHostWithPathParametersAndCredentialsKept() {
        Request sdk = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
        sdk.addPostParam("To", "+15551230001");
        sdk.addPostParam("Body", "Hello there");
        sdk.addQueryParam("PageSize", "20");
        sdk.setAuth("AC1", "token");

        Request redirected = new ApiUrlHttpClient("http://127.0.0.1:8099/twilio/").redirected(sdk);

        assertEquals("http://127.0.0.1:8099/twilio/2010-04-01/Accounts/AC1/Messages.json?PageSize=20",
                redirected.constructURL().toString());
        assertEquals(HttpMethod.POST, redirected.getMethod());
        assertEquals(List.of("Hello there"), redirected.getPostParams().get("Body"));
        assertEquals(sdk.getAuthString(), redirected.getAuthString());
        assertTrue(redirected.requiresAuthentication());
    }

    @Test
    void aRegionOrEdgeSetOnTheRequestDoesNotRewriteTheConfiguredHost() {
        Request sdk = new Request(HttpMethod.GET, "api", "/2010-04-01/Accounts/AC1.json");
        sdk.setRegion("ie1");
        sdk.setEdge("dublin");

        Request redirected = new ApiUrlHttpClient("https://twilio.internal.example.com").redirected(sdk);

        assertEquals("https://twilio.internal.example.com/2010-04-01/Accounts/AC1.json",
                redirected.constructURL().toString());
    }
}
