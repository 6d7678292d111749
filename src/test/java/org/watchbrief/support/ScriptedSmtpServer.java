package org.watchbrief.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMTP server on 127.0.0.1 whose replies a test scripts: the end of DATA answered 451
 * ("try again later", as greylisting does) a given number of times before 250, and a login
 * answered as the test says (235, 454, 535). It speaks just enough of RFC 5321 and RFC 4954
 * (AUTH PLAIN) for Jakarta Mail, and records what it was asked and what it accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;

    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });

    private final ConcurrentLinkedQueue<String> dataReplies = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> authReplies = new ConcurrentLinkedQueue<>();

    private final List<String> accepted = new CopyOnWriteArrayList<>();

    private final List<String> commands = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        sessions.submit(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The replies to the next ends of DATA, in turn; 250 once they are used up. */
    public void replyToData(String... replies) {
        dataReplies.clear();
        dataReplies.addAll(List.of(replies));
    }

    /** The replies to the next logins, in turn; 235 once they are used up. */
    public void replyToLogin(String... replies) {
        authReplies.clear();
        authReplies.addAll(List.of(replies));
    }

    /** The messages accepted (250 after DATA), as received. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The commands received, their verb only (EHLO, AUTH, MAIL, RCPT, DATA, QUIT). */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public void reset() {
        dataReplies.clear();
        authReplies.clear();
        accepted.clear();
        commands.clear();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.submit(() -> session(client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 127.0.0.1 ESMTP scripted");
            for (String line; (line = in.readLine()) != null;) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                commands.add(verb);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-127.0.0.1", "250-AUTH PLAIN", "250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "AUTH" -> {
                        if (line.trim().split(" ").length < 3) {
                            reply(out, "334 ");
                            in.readLine();
                        }
                        String answer = authReplies.poll();
                        reply(out, answer == null ? "235 2.7.0 Authentication successful" : answer);
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        for (String data; (data = in.readLine()) != null && !data.equals(".");) {
                            message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                        }
                        String answer = dataReplies.poll();
                        if (answer == null || answer.startsWith("250")) {
                            accepted.add(message.toString());
                        }
                        reply(out, answer == null ? "250 2.0.0 Accepted" : answer);
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        }
        catch (IOException ex) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        sessions.shutdownNow();
    }
}
