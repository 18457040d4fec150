package dev.nohold.channel.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written acknowledgement says to Twilio exactly what the SDK's TwiML would, for any text a prompt holds. */
class MessageTwimlIsWhatTheSdkWritesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Thanks, we have your request K7Q2MX. You are number 3 in line.",
            "Tom & Jerry's <b>\"quote\"</b> > less", "Zoë 👋 — ünïcödé", "line one\nline two"})
    void aMessageReadsAsTheSdksDoes(String text) throws Exception {
        String sdk = new MessagingResponse.Builder().message(new Message.Builder(text).build()).build().toXml();
        assertEquals(messageOf(sdk), messageOf(MessageTwiml.of(Optional.of(text))));
        assertEquals(text, messageOf(MessageTwiml.of(Optional.of(text))));
    }

    @Test
    void noMessageIsAnEmptyResponse() throws Exception {
        Document empty = parse(MessageTwiml.of(Optional.empty()));
        assertEquals("Response", empty.getDocumentElement().getTagName());
        assertEquals(0, empty.getDocumentElement().getChildNodes().getLength());
    }

    private static String messageOf(String twiml) throws Exception {
        return parse(twiml).getElementsByTagName("Message").item(0).getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
