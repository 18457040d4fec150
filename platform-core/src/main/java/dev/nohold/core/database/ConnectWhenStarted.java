package dev.nohold.core.database;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDBC driver's socket factory for the embedded server started beside the boot (its {@code socketFactoryArg}
 * is the server's port): a connection waits until the server accepts them, or fails with why it did not start.
 */
public final class ConnectWhenStarted extends SocketFactory {

    static final Map<Integer, CompletableFuture<Void>> SERVERS = new ConcurrentHashMap<>();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final CompletableFuture<Void> started;

    public ConnectWhenStarted(String port) {
        this.started = SERVERS.getOrDefault(Integer.parseInt(port), CompletableFuture.completedFuture(null));
    }

    @Override
    public Socket createSocket() throws IOException {
        try {
            started.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("The embedded PostgreSQL did not start: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IOException("The embedded PostgreSQL did not start within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded PostgreSQL started", e);
        }
        return new Socket();
    }

    // The driver calls createSocket() and connects itself; the others are SocketFactory's contract.
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(SocketAddress server, SocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(server);
        return socket;
    }
}
