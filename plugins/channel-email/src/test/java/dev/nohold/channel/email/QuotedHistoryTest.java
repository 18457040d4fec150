package dev.nohold.channel.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotedHistoryTest {

    @Test
    void theAttributionLineAndEverythingQuotedBelowItAreCut() {
        String mail = """
                Thanks, but it still has not arrived.

                On Tue, 1 Dec 2026 at 10:00, Customer service <help@nohold.test> wrote:
                > Your parcel arrives tomorrow.
                >
                > Kind regards
                """;
        assertEquals("Thanks, but it still has not arrived.", QuotedHistory.strip(mail));
    }

    @Test
    void anAttributionWrappedOverTwoLinesIsCutToo() {
        String mail = "Still waiting.\n\nOn Tue, 1 Dec 2026 at 10:00, Customer service\n<help@nohold.test> wrote:\n"
                + "> Your parcel arrives tomorrow.\n";
        assertEquals("Still waiting.", QuotedHistory.strip(mail));
    }

    @Test
    void quotedLinesBetweenTheCustomersOwnAreDropped() {
        String mail = "> When will it come?\nIt should have come on Monday.\n> Which address?\nThe new one.";
        assertEquals("It should have come on Monday.\nThe new one.", QuotedHistory.strip(mail));
    }

    @Test
    void theSignatureAfterItsDelimiterIsCut() {
        assertEquals("Please call me back.", QuotedHistory.strip("Please call me back.\n-- \nAda Lovelace\n+44 20"));
    }

    @Test
    void anOutlookOriginalMessageBlockIsCut() {
        assertEquals("Yes, that works.", QuotedHistory.strip("Yes, that works.\r\n\r\n-----Original Message-----\r\n"
                + "From: Customer service\r\nSent: Tuesday\r\n"));
    }

    @Test
    void aMailWithoutHistoryIsKeptWhole() {
        assertEquals("Line one\n\nLine two", QuotedHistory.strip("  Line one\n\n\n\nLine two  \n"));
    }
}
