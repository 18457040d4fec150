package dev.nohold.channel.webchat;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many messages a browser, and a client address, may send per minute, counted in fixed one-minute windows on
 * this node (a browser keeps its socket on one node; an address spread over nodes gets each node's allowance).
 */
@ApplicationScoped
public class ChatLimits {

    private final WebChatConfig config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ChatLimits(WebChatConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts one message; empty when allowed, else the reason, in words for the customer. */
    public String refusal(String visitorId, String address) {
        long minute = clock.instant().getEpochSecond() / 60;
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> window.minute < minute);
        }
        if (!count("visitor:" + visitorId, minute, config.messagesPerMinute())) {
            return "You are sending messages too quickly (at most " + config.messagesPerMinute()
                    + " a minute). Please wait a moment and send it again.";
        }
        if (address != null && !count("address:" + address, minute, config.messagesPerMinutePerAddress())) {
            return "Too many messages come from your network right now. Please wait a minute and send it again.";
        }
        return null;
    }

    private boolean count(String key, long minute, int limit) {
        Window window = windows.compute(key, (k, current) ->
                current == null || current.minute != minute ? new Window(minute, 1) : new Window(minute, current.count + 1));
        return window.count <= limit;
    }

    private record Window(long minute, int count) {
    }

    /** For tests that move the clock: forget every count. */
    void forget() {
        windows.clear();
    }
}
