package dev.nohold.channel.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {

    @Test
    void blocksBecomeLinesAndTagsGo() {
        assertEquals("Hello,\nMy order #12 is late.\nCan you help?", HtmlText.of(
                "<html><head><title>x</title><style>p{}</style></head><body><p>Hello,</p>"
                        + "<div>My order <b>#12</b> is late.<br>Can you help?</div></body></html>"));
    }

    @Test
    void characterReferencesAreDecodedAndScriptsLeftOut() {
        assertEquals("Fish & chips < 5 € \"now\"", HtmlText.of(
                "<p>Fish &amp; chips &lt; 5 &#8364; &quot;now&quot;</p><script>alert(1)</script>"));
    }

    @Test
    void quotedHistoryInABlockquoteOrAGmailQuoteIsLeftOut() {
        assertEquals("Still not here.", HtmlText.of("<div>Still not here.</div><blockquote type=\"cite\">"
                + "<p>It arrives tomorrow.</p></blockquote>"));
        assertEquals("Thanks!", HtmlText.of("<div dir=\"ltr\">Thanks!</div><div class=\"gmail_quote\">On Tue"
                + " wrote:<blockquote>old</blockquote></div>"));
    }
}
