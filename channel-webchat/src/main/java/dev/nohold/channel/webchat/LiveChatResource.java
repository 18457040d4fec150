package dev.nohold.channel.webchat;

import dev.nohold.core.IsoTime;
import dev.nohold.core.Refusal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The agent's side of a chat, for the inbox: the chat's messages, and, in a live chat, writing without ending it,
 * typing, and ending it. Only the agent holding the request may.
 */
@Path("/api/chat/requests/{id}")
@Authenticated
public class LiveChatResource {

    /** One message as the inbox shows it. */
    public record ChatMessageView(long id, String kind, String text, String by, String at, String audio) {
    }

    /** The chat of a request: whether it is live now (the agent writes without ending it), and its messages. */
    public record ChatView(boolean live, List<ChatMessageView> messages) {
    }

    /** What the agent writes. */
    public record ChatMessageInput(String text) {
    }

    private final LiveChats chats;
    private final SecurityIdentity identity;
    private final WebChatConfig config;

    public LiveChatResource(LiveChats chats, SecurityIdentity identity, WebChatConfig config) {
        this.chats = chats;
        this.identity = identity;
        this.config = config;
    }

    @GET
    public ChatView chat(@PathParam("id") UUID id) {
        List<ChatMessageView> messages = chats.chatOf(id, username()).stream().map(LiveChatResource::view)
                .toList();
        return new ChatView(chats.isLive(id), messages);
    }

    @POST
    @Path("/messages")
    public Response say(@PathParam("id") UUID id, ChatMessageInput input) {
        String text = input == null || input.text() == null ? "" : input.text().strip();
        if (text.isEmpty()) {
            throw Refusal.badInput("Write a message first");
        }
        if (text.length() > config.maxMessageLength()) {
            throw Refusal.tooLarge("A chat message has at most " + config.maxMessageLength() + " characters");
        }
        return Response.status(201).entity(view(chats.agentSays(id, username(), text))).build();
    }

    @POST
    @Path("/typing")
    public Response typing(@PathParam("id") UUID id) {
        chats.agentTyping(id, username());
        return Response.noContent().build();
    }

    @POST
    @Path("/end")
    public Response end(@PathParam("id") UUID id) {
        chats.endLiveChat(id, username());
        return Response.noContent().build();
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private static ChatMessageView view(ChatLine line) {
        return new ChatMessageView(line.seq(), line.kind(), line.text(), line.by(),
                line.at() == null ? null : IsoTime.format(line.at()),
                line.audioType() != null && ChatLine.AGENT.equals(line.kind()) ? "/chat/audio/" + line.id() : null);
    }
}
