package dev.bpx.paper.bench;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's second client: places signed limit orders over one kept-alive HTTP/1.1 connection with
 * as little work per order as a client can do, so that the figure is the server's rather than the typed
 * client's (OkHttp, Moshi, the client's exactly-once bookkeeping shared the two cores with the server).
 *
 * <p>It does what Backpack requires of every client: each request is signed as the API document says
 * ({@link RequestSigner}: instruction {@code orderExecute}, the body's fields sorted, a fresh timestamp
 * and the window) with its own Ed25519 signature, and carries its own clientId; nothing is pre-signed or
 * replayed. Not thread-safe: one per thread.
 */
final class LeanOrderClient implements AutoCloseable {
  private static final long WINDOW_MILLIS = 5_000;
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final RequestSigner signer;
  private final String host;
  private long nextClientId;

  /**
   * @param firstClientId the first clientId this client uses (then one more per order): give each client
   *     its own range, a clientId is refused while an order with it is open
   */
  LeanOrderClient(int port, SigningKey key, long firstClientId) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    out = new BufferedOutputStream(socket.getOutputStream(), 4096);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    signer = new RequestSigner(key);
    host = "127.0.0.1:" + port;
    nextClientId = firstClientId;
  }

  /**
   * Places one limit order and reads its answer.
   *
   * @return the answer's body (the order as the exchange renders it)
   * @throws IllegalStateException if the exchange answers with anything but 200
   */
  String placeLimit(String symbol, String side, String quantity, String price) throws IOException {
    long clientId = nextClientId++;
    Map<String, String> params = new TreeMap<>();
    params.put("clientId", Long.toString(clientId));
    params.put("orderType", "Limit");
    params.put("price", price);
    params.put("quantity", quantity);
    params.put("side", side);
    params.put("symbol", symbol);
    String body = "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\"Limit\",\"quantity\":\""
        + quantity + "\",\"price\":\"" + price + "\",\"clientId\":" + clientId + "}";
    SignedHeaders h = signer.sign("orderExecute", params, System.currentTimeMillis(), WINDOW_MILLIS);
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST /api/v1/order HTTP/1.1\r\nHost: " + host
        + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + bodyBytes.length
        + "\r\n" + SignedHeaders.API_KEY + ": " + h.apiKey()
        + "\r\n" + SignedHeaders.SIGNATURE + ": " + h.signature()
        + "\r\n" + SignedHeaders.TIMESTAMP + ": " + h.timestampMillis()
        + "\r\n" + SignedHeaders.WINDOW + ": " + h.windowMillis() + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bodyBytes);
    out.flush();
    return readResponse();
  }

  private String readResponse() throws IOException {
    String status = readLine();
    int length = -1;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    if (length < 0) {
      throw new IOException("answer without Content-Length: " + status);
    }
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException(status + ": " + body);
    }
    return body;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed by the exchange");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
