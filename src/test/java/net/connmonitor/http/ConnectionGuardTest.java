package net.connmonitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients that hold connections without asking anything, over real loopback connections. */
@ExtendWith(VertxExtension.class)
class ConnectionGuardTest {

  private static final int MAX = 3;
  private static final long TIMEOUT_MS = 400;
  /** A request that takes longer than the timeout to answer. */
  private static final long SLOW_ANSWER_MS = 3 * TIMEOUT_MS;

  private final List<Socket> clients = new ArrayList<>();
  private HttpServer server;

  @BeforeEach
  void listen(Vertx vertx) throws Exception {
    ConnectionGuard guard = new ConnectionGuard(vertx, MAX, TIMEOUT_MS);
    server = guard.guard(vertx.createHttpServer(ConnectionGuard.options()), request -> {
      if (request.path().equals("/slow")) {
        vertx.setTimer(SLOW_ANSWER_MS, fired -> request.response().end("slow\n"));
      } else {
        request.response().end("fast\n");
      }
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws IOException {
    for (Socket client : clients) {
      client.close();
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheTimeout() throws Exception {
    Socket idle = connect();
    long start = System.nanoTime();
    assertEquals(-1, idle.getInputStream().read());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS / 2));
  }

  @Test
  void headersSentAByteAtATimeAreCutOffAtTheTimeout() throws Exception {
    Socket slowloris = connect();
    OutputStream out = slowloris.getOutputStream();
    byte[] head = "GET /fast HTTP/1.1\r\nHost: a\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    slowloris.setSoTimeout(50);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int next = 0;
    while (System.nanoTime() < deadline) {
      if (next < head.length) {
        out.write(head[next++]);
        out.flush();
      }
      try {
        assertEquals(-1, slowloris.getInputStream().read(), "closed, nothing answered");
        assertTrue(next < head.length, "cut off before the headers were complete");
        return;
      } catch (SocketTimeoutException stillOpen) {
        // a byte every 50 ms
      }
    }
    throw new AssertionError("the connection stayed open for 10 s");
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnceAndTheOthersServed() throws Exception {
    List<Socket> admitted = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      admitted.add(connect());
    }
    Socket beyond = connect();
    beyond.setSoTimeout((int) TIMEOUT_MS / 2);
    assertEquals(-1, beyond.getInputStream().read(), "closed before the request timeout");
    for (Socket client : admitted) {
      assertTrue(ask(client, "/fast").endsWith("fast\n"));
    }
  }

  @Test
  void aRequestUnderWayIsNotCutAndTheConnectionServesTheNextOne() throws Exception {
    Socket client = connect();
    assertTrue(ask(client, "/slow").endsWith("slow\n"));
    assertTrue(ask(client, "/fast").endsWith("fast\n"));
  }

  @Test
  void aConnectionClosedByItsClientFreesItsPlace() throws Exception {
    for (int i = 0; i < 2 * MAX; i++) {
      Socket client = connect();
      assertTrue(ask(client, "/fast").endsWith("fast\n"));
      client.close();
    }
  }

  private Socket connect() throws IOException {
    Socket client = new Socket(InetAddress.getLoopbackAddress(), server.actualPort());
    client.setSoTimeout(10_000);
    clients.add(client);
    return client;
  }

  /** Sends one request and reads its whole answer, which ends with the short body. */
  private static String ask(Socket client, String path) throws IOException {
    String request = "GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n";
    client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = client.getInputStream();
    StringBuilder answer = new StringBuilder();
    String body = path.substring(1) + "\n";
    while (!answer.toString().endsWith(body)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + answer);
      }
      answer.append((char) b);
    }
    return answer.toString();
  }
}
