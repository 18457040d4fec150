package dev.nohold.channel.voice;

import com.twilio.security.RequestValidator;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.twilio.TwilioStandIn;
import io.restassured.response.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Posts to the voice webhooks as Twilio does (form-encoded, signed over the public URL) and reads TwiML back. */
final class VoiceWebhooks {

    static final String PUBLIC_URL = "https://help.example.test";
    static final String CALLER = "+15551230002";
    static final String OUR_NUMBER = "+15005550006";

    private VoiceWebhooks() {
    }

    private static DataSource database;

    /**
     * A clean database with the shipped conversation flows stopped: these tests are about what a call does without
     * a flow (live dial, menu, recording); {@link #withShippedFlows} turns them on for the tests of calls through one.
     */
    static void reset(DataSource dataSource) {
        database = dataSource;
        Fixtures.reset(dataSource);
        sql("truncate flow_conversation cascade", "truncate voice_flow_call", "update flow set active = false");
        TwilioStandIn.reset();
        SmsChannelStandIn.reset();
    }

    /** The shipped flows active, as on a new platform: {@code answers} on every number, {@code account-line}. */
    static void withShippedFlows() {
        sql("update flow set active = true where id in ('answers', 'account-line')");
    }

    private static void sql(String... statements) {
        try (var connection = database.getConnection(); var sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status of a callback call we placed, sent as Twilio does: only once the call exists on our side too (the
     * platform has recorded the call's sid), and as an outbound call.
     */
    static Response callbackStatus(String callSid, String callStatus, String answeredBy) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (var connection = database.getConnection();
                 var sql = connection.prepareStatement("select count(*) from delivery where provider_id = ?")) {
                sql.setString(1, callSid);
                try (var rows = sql.executeQuery()) {
                    return rows.next() && rows.getLong(1) > 0;
                }
            }
        });
        Map<String, String> form = call(callSid);
        form.put("Direction", "outbound-api");
        form.put("CallStatus", callStatus);
        if (answeredBy != null) {
            form.put("AnsweredBy", answeredBy);
        }
        return post(VoicePaths.STATUS, form);
    }

    static Response incoming(String callSid) {
        return post(VoicePaths.INCOMING, call(callSid));
    }

    static Response recorded(String callSid, String recordingSid, int seconds) {
        Map<String, String> form = call(callSid);
        form.put("RecordingSid", recordingSid);
        form.put("RecordingUrl", TwilioStandIn.recordingUrl(recordingSid));
        form.put("RecordingDuration", String.valueOf(seconds));
        return post(VoicePaths.RECORDED, form);
    }

    /**
     * A caller leaves a recording, a new agent goes AVAILABLE and is assigned the request once it is transcribed;
     * returns the request's id.
     */
    static String recordedAndAssignedTo(String agent, String callSid, String recordingSid) {
        String reference = reference(recorded(callSid, recordingSid, 3).then().statusCode(200).extract().response());
        String id = (String) requestByReference(reference).get("id");
        Fixtures.createAgent(agent);
        Fixtures.presence(agent, "AVAILABLE");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Fixtures.as("admin").get("/api/requests/" + id).then()
                        .body("assignedTo", equalTo(agent)));
        return id;
    }

    static Response status(String callSid, String callStatus, String answeredBy) {
        Map<String, String> form = call(callSid);
        form.put("CallStatus", callStatus);
        if (answeredBy != null) {
            form.put("AnsweredBy", answeredBy);
        }
        return post(VoicePaths.STATUS, form);
    }

    static Map<String, String> call(String callSid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", CALLER);
        form.put("To", OUR_NUMBER);
        form.put("Direction", "inbound");
        return form;
    }

    static Response post(String path, Map<String, String> form) {
        return given().formParams(form).header("X-Twilio-Signature", signature(PUBLIC_URL + path, form)).post(path);
    }

    static String signature(String url, Map<String, String> form) {
        String signature = TwilioStandIn.signature(url, form);
        if (!new RequestValidator(TwilioStandIn.AUTH_TOKEN).validate(url, form, signature)) {
            throw new IllegalStateException("The test signs differently from the Twilio SDK's validator");
        }
        return signature;
    }

    /** TwiML parsed as XML: its root {@code <Response>}. */
    static Element twiml(String xml) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = document.getDocumentElement();
            if (!"Response".equals(root.getTagName())) {
                throw new AssertionError("Not TwiML: " + xml);
            }
            return root;
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + xml, e);
        }
    }

    static Element only(Element parent, String tag) {
        var nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() != 1) {
            throw new AssertionError("Expected one <" + tag + "> but found " + nodes.getLength());
        }
        return (Element) nodes.item(0);
    }

    /** The reference the thank-you spells out letter by letter ("request is A B 3 …"). */
    static String reference(Response thanks) {
        String text = only(twiml(thanks.asString()), "Say").getTextContent();
        var matcher = java.util.regex.Pattern.compile("request is ((?:[A-Z0-9] ){5}[A-Z0-9])").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No reference in " + text);
        }
        return matcher.group(1).replace(" ", "");
    }

    static Map<String, Object> requestByReference(String reference) {
        return as("admin").get("/api/requests?channel=voice&size=500").then().statusCode(200)
                .extract().path("find { it.reference == '" + reference + "' }");
    }
}
