package dev.bpx.client.stream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A scripted Backpack: MockWebServer upgrading {@code /} to a WebSocket (one {@link Connection} per
 * client connection, recording the frames it receives) and answering {@code GET /api/v1/depth} from a
 * supplier.
 */
final class StreamTestServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
  final List<Connection> all = new CopyOnWriteArrayList<>();
  final AtomicInteger depthRequests = new AtomicInteger();
  volatile Supplier<String> depthBody = () -> "{\"asks\":[],\"bids\":[],\"lastUpdateId\":\"0\",\"timestamp\":0}";
  /** Answers the other REST paths; 404 unless a test sets it. */
  volatile java.util.function.Function<RecordedRequest, MockResponse> rest = request -> null;

  StreamTestServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/depth")) {
          depthRequests.incrementAndGet();
          return new MockResponse.Builder().code(200).body(depthBody.get()).build();
        }
        if (path.equals("/")) {
          Connection connection = new Connection();
          all.add(connection);
          return new MockResponse.Builder().webSocketUpgrade(connection).build();
        }
        MockResponse scripted = rest.apply(request);
        return scripted != null ? scripted : new MockResponse.Builder().code(404).body("not found").build();
      }
    });
    server.start();
  }

  String restUrl() {
    return server.url("/").toString();
  }

  String wsUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/";
  }

  Connection awaitConnection() throws InterruptedException {
    Connection connection = connections.poll(10, TimeUnit.SECONDS);
    if (connection == null) {
      throw new AssertionError("no WebSocket connection within 10 s");
    }
    return connection;
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      connection.goAway();
    }
    server.close();
  }

  /** The server side of one client connection. */
  final class Connection extends WebSocketListener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    volatile WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      connections.add(this);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closed.countDown();
      webSocket.close(1000, null);
    }

    String awaitFrame() throws InterruptedException {
      String frame = received.poll(10, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no frame from the client within 10 s");
      }
      return frame;
    }

    void send(String stream, String data) {
      socket.send("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
    }

    /** Closes from the server side, as Backpack does on shutdown (a server socket cannot be cancelled). */
    void goAway() {
      WebSocket current = socket;
      if (current != null) {
        current.close(1001, "going away");
      }
    }
  }
}
