package dev.nohold.core.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL starts beside Quarkus's boot; a connection the boot opens first (Flyway's) waits for it, and
 * one to a server that could not start fails with the reason instead of "connection refused".
 */
class ConnectionsWaitForTheEmbeddedDatabaseTest {

    private static final int PORT = 1;

    @AfterEach
    void forget() {
        ConnectWhenStarted.SERVERS.remove(PORT);
    }

    @Test
    void aConnectionWaitsUntilTheServerHasStarted() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        ConnectWhenStarted.SERVERS.put(PORT, started);
        var factory = new ConnectWhenStarted(Integer.toString(PORT));
        try (var executor = Executors.newSingleThreadExecutor(); ServerSocket server = new ServerSocket(0)) {
            Future<Socket> connecting = executor.submit(() -> factory.createSocket("localhost", server.getLocalPort()));
            Thread.sleep(300);
            assertFalse(connecting.isDone(), "the connection did not wait for the server");
            started.complete(null);
            try (Socket socket = connecting.get(10, TimeUnit.SECONDS)) {
                assertTrue(socket.isConnected());
            }
        }
    }

    @Test
    void aConnectionToAServerThatCouldNotStartSaysWhy() {
        ConnectWhenStarted.SERVERS.put(PORT, CompletableFuture.failedFuture(
                new IllegalStateException("initdb: could not create directory: Permission denied")));
        var factory = new ConnectWhenStarted(Integer.toString(PORT));
        IOException refused = assertThrows(IOException.class, factory::createSocket);
        assertTrue(refused.getMessage().contains("Permission denied"), refused.getMessage());
    }
}
