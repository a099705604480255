import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The shared half of each candidate: opens one raw WebSocket handshake to the server the candidate just
 * started and, once the server has reported the connection open, prints one line
 * {@code <library> <ms from JVM start to first accepted connection> <classes loaded>}.
 * A raw socket keeps the client's own cost out of the class count (no client library is loaded).
 */
final class Probe {
  private Probe() {}

  static void handshake(int port) {
    try {
      handshakeOrThrow(port);
    } catch (Exception e) {
      e.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
  }

  private static void handshakeOrThrow(int port) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.setSoTimeout(5_000);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[1024];
      int n = in.read(buf);
      String head = new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IllegalStateException("no upgrade: " + head);
      }
    }
  }

  /** Called by the server's on-open callback. */
  static void report(String library) {
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println(library + " " + ms + " " + classes);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
