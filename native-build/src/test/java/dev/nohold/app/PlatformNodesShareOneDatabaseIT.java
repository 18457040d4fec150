package dev.nohold.app;

import dev.nohold.core.testing.SseClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.nohold.app.TwoNodes.PASSWORD;
import static dev.nohold.app.TwoNodes.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged platforms on one external PostgreSQL, with the default (slow) safety-net polls, as an operator runs
 * several nodes: an agent may use either node for anything, and whatever one node does the other sees at once —
 * work, live events, media, login sessions — also after a database outage, which both ride out by themselves.
 * One pair of nodes serves every test (starting them is most of the cost), each test with an agent of its own who
 * steps away when done; the outage comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformNodesShareOneDatabaseIT {

    private static final Duration COUPLE_OF_SECONDS = Duration.ofSeconds(2);
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private TwoNodes nodes;
    private final List<SseClient> streams = new ArrayList<>();

    @BeforeAll
    void startNodes(@TempDir Path work) throws Exception {
        nodes = TwoNodes.start(work);
    }

    @AfterAll
    void stopNodes() throws Exception {
        streams.forEach(SseClient::close);
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void workTakenInOnOneNodeReachesAnAgentOnTheOther() throws Exception {
        nodes.createAgent("grace");
        nodes.presence(nodes.second, "grace", "AVAILABLE");
        String id = nodes.submit(nodes.first, "asked on node one");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("grace", PASSWORD).get(nodes.second.baseUrl() + "/api/me/requests").then()
                        .body("[0].id", equalTo(id)));

        as("grace", PASSWORD).contentType(ContentType.JSON).body(Map.of("text", "answered from node two"))
                .post(nodes.second.baseUrl() + "/api/requests/" + id + "/reply").then().statusCode(201);
        as("admin", TwoNodes.ADMIN_PASSWORD).get(nodes.first.baseUrl() + "/api/requests/" + id).then()
                .body("status", oneOf("ANSWERED", "DELIVERED", "DELIVERY_FAILED"))
                .body("events.find { it.type == 'ASSIGNED' }.detail", containsString("grace"));
        nodes.presence(nodes.second, "grace", "OFFLINE");
    }

    @Test
    @Order(2)
    void anAssignmentMadeOnOneNodeReachesEventStreamsOnBoth() throws Exception {
        nodes.createAgent("ada");
        SseClient onFirst = stream(nodes.first, "ada", PASSWORD);
        SseClient onSecond = stream(nodes.second, "ada", PASSWORD);
        SseClient supervisorOnSecond = stream(nodes.second, "admin", TwoNodes.ADMIN_PASSWORD);
        nodes.presence(nodes.first, "ada", "AVAILABLE");

        String id = nodes.submit(nodes.first, "asked for the streams");
        for (SseClient stream : List.of(onFirst, onSecond, supervisorOnSecond)) {
            stream.await(COUPLE_OF_SECONDS, e -> "ASSIGNED".equals(e.type()) && id.equals(e.requestId()));
        }
        String reference = onSecond.events().stream().filter(e -> id.equals(e.requestId())).findFirst()
                .orElseThrow().data().path("reference").asText();
        assertTrue(nodes.assignedOn(nodes.first, reference) ^ nodes.assignedOn(nodes.second, reference),
                "exactly one node made the assignment, so the other node's stream heard it across nodes");
        // Away keeps the request and takes no more, so the next tests' agents get theirs.
        nodes.presence(nodes.first, "ada", "AWAY");
    }

    @Test
    @Order(3)
    void aVoiceReplyPostedThroughOneNodeIsServedByTheOther() throws Exception {
        nodes.createAgent("mona");
        nodes.presence(nodes.first, "mona", "AVAILABLE");
        String id = nodes.submit(nodes.first, "please send a voice answer");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("mona", PASSWORD).get(nodes.first.baseUrl() + "/api/me/requests").then()
                        .body("id", org.hamcrest.Matchers.hasItem(id)));

        byte[] voice = wav(64 * 1024);
        String audioUrl = as("mona", PASSWORD).multiPart("audio", "reply.html", voice, "text/html")
                .post(nodes.first.baseUrl() + "/api/requests/" + id + "/reply")
                .then().statusCode(201)
                .extract().path("replies[0].audioUrl");

        Response whole = as("mona", PASSWORD).get(nodes.second.baseUrl() + audioUrl);
        whole.then().statusCode(200)
                .contentType("audio/wav")
                .header("X-Content-Type-Options", "nosniff")
                .header("Accept-Ranges", "bytes");
        assertArrayEquals(voice, whole.asByteArray());
        Response range = as("mona", PASSWORD).header("Range", "bytes=1000-1999")
                .get(nodes.second.baseUrl() + audioUrl);
        range.then().statusCode(206).header("Content-Range", "bytes 1000-1999/" + voice.length);
        assertArrayEquals(Arrays.copyOfRange(voice, 1000, 2000), range.asByteArray());
        assertFalse(Files.exists(nodes.dataDir(nodes.first).resolve("media")), "node 1 kept no media of its own");
        nodes.presence(nodes.first, "mona", "OFFLINE");
    }

    @Test
    @Order(4)
    void aChatOnOneNodeGetsTheAnswerOfAnAgentOnTheOther() {
        nodes.createAgent("iris");
        try (ChatOnSocket customer = new ChatOnSocket(nodes.second.baseUrl())) {
            customer.send("{\"type\":\"say\",\"id\":\"m-1\",\"text\":\"Asked in the chat on node two\"}");
            customer.awaitMessage("notice", "is taken");
            String id = as("admin", TwoNodes.ADMIN_PASSWORD).get(nodes.first.baseUrl() + "/api/requests?channel=webchat")
                    .then().extract().path("[0].id");
            nodes.presence(nodes.first, "iris", "AVAILABLE");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    as("iris", PASSWORD).get(nodes.first.baseUrl() + "/api/me/requests").then()
                            .body("id", org.hamcrest.Matchers.hasItem(id)));

            as("iris", PASSWORD).contentType(ContentType.JSON).body(Map.of("text", "Answered on node one"))
                    .post(nodes.first.baseUrl() + "/api/requests/" + id + "/reply").then().statusCode(201);

            long answer = customer.awaitMessage("agent", "Answered on node one").path("id").asLong();
            customer.send("{\"type\":\"ack\",\"id\":" + answer + "}");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as("iris", PASSWORD).get(nodes.first.baseUrl() + "/api/requests/" + id).then()
                            .body("deliveries[0].status", equalTo("DELIVERED")));
        }
        nodes.presence(nodes.first, "iris", "OFFLINE");
    }

    @Test
    @Order(4)
    void aLoginSessionFromOneNodeWorksOnTheOtherUntilALogoutOnEither() {
        nodes.createAgent("lin");
        String session = logIn(nodes.first, "lin");
        given().cookie("nohold-session", session).get(nodes.second.baseUrl() + "/api/me").then().statusCode(200)
                .body("username", equalTo("lin"));
        String inbox = given().redirects().follow(false).cookie("nohold-session", session)
                .get(nodes.second.baseUrl() + "/inbox").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF_META.matcher(inbox);
        assertTrue(csrf.find(), "the inbox page carries its CSRF token");

        given().redirects().follow(false).cookie("nohold-session", session)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .post(nodes.second.baseUrl() + "/logout").then().statusCode(303);
        given().cookie("nohold-session", session).get(nodes.first.baseUrl() + "/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    @Order(5)
    void bothNodesRideOutADatabaseOutageAndCarryOnByThemselves() throws Exception {
        nodes.createAgent("otto");
        SseClient onSecond = stream(nodes.second, "otto", PASSWORD);
        nodes.presence(nodes.first, "otto", "AVAILABLE");

        nodes.stopDatabase();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get(nodes.first.baseUrl() + "/q/health/ready").then().statusCode(503);
            as("admin", TwoNodes.ADMIN_PASSWORD).get(nodes.second.baseUrl() + "/api/requests").then()
                    .statusCode(503).body("error", notNullValue());
        });
        nodes.startDatabaseAgain();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get(nodes.first.baseUrl() + "/q/health/ready").then().statusCode(200);
            given().get(nodes.second.baseUrl() + "/q/health/ready").then().statusCode(200);
        });

        // The stream stayed open through the outage; each node's listener reconnected by itself.
        String afterOutage = nodes.submit(nodes.first, "asked after the outage");
        onSecond.await(Duration.ofSeconds(15), e -> "ASSIGNED".equals(e.type()) && afterOutage.equals(e.requestId()));
        as("otto", PASSWORD).contentType(ContentType.JSON).body(Map.of("text", "answered after the outage"))
                .post(nodes.second.baseUrl() + "/api/requests/" + afterOutage + "/reply").then().statusCode(201);
        assertEquals("otto", as("admin", TwoNodes.ADMIN_PASSWORD)
                .get(nodes.first.baseUrl() + "/api/requests/" + afterOutage).then().extract().path("replies[0].by"));
    }

    /**
     * A node killed with {@code kill -9} in the middle of a customer's conversation flow: the customer's browser comes
     * back on the other node and goes on from the step it was at, whether the kill came before or after the node
     * stored the turn (the browser sends its unacknowledged line again, as the chat page does, and a turn already
     * taken is not taken twice). The request the flow makes carries what it collected. Last: node one stays down.
     */
    @Test
    @Order(6)
    void aConversationFlowGoesOnOnTheOtherNodeAfterAKillMidTurn() throws Exception {
        nodes.presence(nodes.second, "otto", "AWAY");
        as("admin", TwoNodes.ADMIN_PASSWORD).contentType("text/plain").body(DESK_FLOW)
                .put(nodes.first.baseUrl() + "/api/flows/desk-chat").then().statusCode(200);
        as("admin", TwoNodes.ADMIN_PASSWORD).post(nodes.first.baseUrl() + "/api/flows/desk-chat/activate")
                .then().statusCode(200).body("active", equalTo(true));

        String token;
        try (ChatOnSocket onFirst = new ChatOnSocket(nodes.first.baseUrl())) {
            token = onFirst.token();
            onFirst.send("{\"type\":\"say\",\"id\":\"m-1\",\"text\":\"hello\"}");
            onFirst.awaitMessage("bot", "What is it about?");
            onFirst.send("{\"type\":\"say\",\"id\":\"m-2\",\"text\":\"billing\"}");
            nodes.first.kill();
        }

        try (ChatOnSocket onSecond = new ChatOnSocket(nodes.second.baseUrl(), token)) {
            // Whether or not node one took "billing" before it died, sending it again is safe.
            onSecond.send("{\"type\":\"say\",\"id\":\"m-2\",\"text\":\"billing\"}");
            onSecond.awaitMessage("bot", "account number");
            onSecond.send("{\"type\":\"say\",\"id\":\"m-3\",\"text\":\"12ab\"}");
            onSecond.awaitMessage("bot", "exactly six digits");
            onSecond.send("{\"type\":\"say\",\"id\":\"m-4\",\"text\":\"123456\"}");
            onSecond.awaitMessage("notice", "is taken");
            assertEquals(1, onSecond.linesStartingWith("bot", "What is your account number?"),
                    "the account number was asked once (then again only after the re-prompt): the turn was not"
                            + " taken twice");
        }

        Map<String, Object> request = as("admin", TwoNodes.ADMIN_PASSWORD)
                .get(nodes.second.baseUrl() + "/api/requests?channel=webchat").then().statusCode(200)
                .extract().path("find { it.text.contains('billing') }");
        assertNotNull(request, "the flow's handoff made a web chat request");
        as("admin", TwoNodes.ADMIN_PASSWORD).get(nodes.second.baseUrl() + "/api/requests/" + request.get("id"))
                .then().log().ifValidationFails().statusCode(200)
                .body("attributes.account", equalTo("123456"))
                .body("attributes.flow", equalTo("desk-chat@1"))
                .body("events.type", org.hamcrest.Matchers.hasItem("FLOW"));
    }

    private static final String DESK_FLOW = """
            id: desk-chat
            name: Web chat desk
            version: 1
            entry-points:
              - channel: webchat
            steps:
              - id: topic
                menu: What is it about?
                choices:
                  - label: Billing
                    digit: 1
                    keywords: [billing, invoice]
                    next: account
                  - label: Something else
                    digit: 2
                    keywords: [other]
                    next: agent
                reprompt: Please choose Billing or Something else.
                otherwise: agent
              - id: account
                ask: What is your account number? It has six digits.
                kind: number
                pattern: "[0-9]{6}"
                into: account
                reprompt: An account number has exactly six digits, like 123456.
                max-attempts: 3
                otherwise: agent
              - id: agent
                handoff: Thank you. We are passing you to one of our agents.
            """;

    private SseClient stream(PlatformProcess node, String username, String password) {
        SseClient client = SseClient.open(node.baseUrl(), username, password);
        streams.add(client);
        return client;
    }

    private static String logIn(PlatformProcess node, String username) {
        Response page = given().get(node.baseUrl() + "/login");
        String formToken = page.getCookie("nohold-login-csrf");
        assertNotNull(formToken);
        Response login = given().redirects().follow(false).cookie("nohold-login-csrf", formToken)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", PASSWORD).formParam("csrf-token", formToken)
                .post(node.baseUrl() + "/login");
        login.then().statusCode(303);
        return login.getCookie("nohold-session");
    }

    private static byte[] wav(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
