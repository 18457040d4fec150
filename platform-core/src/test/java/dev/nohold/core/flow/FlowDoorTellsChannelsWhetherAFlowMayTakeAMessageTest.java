package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FlowConversations#mayTake}, asked by a channel's fast path before every message: what this node activates
 * or deactivates counts at once, what another node changed in the database within {@link FlowCatalog#VIEW_AGE}, and
 * while flows serve the channel only at other entry points, a customer is the flow's only with a conversation open.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowDoorTellsChannelsWhetherAFlowMayTakeAMessageTest extends FlowTestBase {

    private static final String IN_A_FLOW = "+15550002221";
    private static final String NEW_CUSTOMER = "+15550002222";

    @Inject
    FlowConversations conversations;

    @Test
    void changesHereCountAtOnceAndChangesElsewhereWithinTheViewsAge() throws Exception {
        assertTrue(conversations.mayTake("sms", NEW_CUSTOMER, "+15005550006"), "the default flow serves every number");

        Fixtures.as("admin").post("/api/flows/answers/deactivate").then().statusCode(200);
        assertFalse(conversations.mayTake("sms", NEW_CUSTOMER, "+15005550006"));
        assertTrue(conversations.mayTake("sms", NEW_CUSTOMER, "account-line"));

        conversations.receive("sms", IN_A_FLOW, "account-line", "hello").orElseThrow();
        assertTrue(conversations.mayTake("sms", IN_A_FLOW, "+15005550006"), "their conversation goes on anywhere");
        assertFalse(conversations.mayTake("webchat", IN_A_FLOW, null), "on their channel only");

        catalog.forget();
        assertTrue(conversations.mayTake("sms", NEW_CUSTOMER, "account-line"), "the view read afresh");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("update flow set active = false where id = 'account-line'");
        }
        assertTrue(conversations.mayTake("sms", NEW_CUSTOMER, "account-line"), "another node's change, not seen yet");
        clock.advance(FlowCatalog.VIEW_AGE.plus(Duration.ofSeconds(1)));
        assertFalse(conversations.mayTake("sms", NEW_CUSTOMER, "account-line"));
    }
}
