package dev.nohold.channel.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A front for the test's SMTP server, where the platform sends its answers: it passes each connection through to
 * GreenMail untouched, unless a refusal is scripted, in which case it speaks SMTP itself and refuses the recipient
 * with the scripted reply ({@code 451 4.2.2 mailbox full}, {@code 550 5.1.1 no such user}), as a real server would.
 * GreenMail itself accepts everything.
 */
final class SmtpFront implements AutoCloseable {

    private final ServerSocket socket;
    private final int target;
    private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    SmtpFront(int targetPort) throws IOException {
        this.target = targetPort;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next connection's RCPT TO is answered with this reply (a full SMTP reply line: code and words). */
    void refuseNext(String reply) {
        refusals.add(reply);
    }

    void clear() {
        refusals.clear();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                String refusal = refusals.poll();
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        if (refusal == null) {
                            pass(client);
                        } else {
                            refuse(client, refusal);
                        }
                    } catch (IOException e) {
                        // the client went away; nothing to keep
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pass(Socket client) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            Thread back = Thread.ofVirtual().start(() -> copy(server, client));
            copy(client, server);
            try {
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static void refuse(Socket client, String refusal) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        say(out, "220 front.test ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 front.test");
                case "RCPT" -> say(out, refusal);
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                case "DATA" -> say(out, "503 5.5.1 no valid recipients");
                default -> say(out, "250 OK");
            }
        }
    }

    private static void say(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
