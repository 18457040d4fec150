package dev.nohold.core.channel;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no key configured, reply links are signed with the one generated once and kept in PostgreSQL: the key any
 * other node reads, so a link one node sent plays from every node.
 */
@QuarkusTest
class ReplyLinksAreSignedWithTheSharedKeyTest {

    private static final Pattern LINK = Pattern.compile("/media/replies/([0-9a-f-]{36})\\?expires=(\\d+)&signature=(.+)$");

    @Inject
    ReplyLinks links;
    @Inject
    DataSource dataSource;

    @Test
    void aLinkIsSignedWithTheKeyKeptInTheDatabase() throws Exception {
        UUID delivery = UUID.randomUUID();
        Matcher link = LINK.matcher(links.linkFor(delivery));
        assertTrue(link.find());

        String key;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select secret from platform_secret where name = 'reply-links'")) {
            assertTrue(row.next(), "the key is kept in the database");
            key = row.getString(1);
            assertTrue(key.length() >= 64, "256 random bits");
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("reply:" + delivery + ":" + link.group(2)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, link.group(3));
    }
}
