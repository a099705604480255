import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

public final class JavaWebSocketStart {
  public static void main(String[] args) throws Exception {
    var started = new java.util.concurrent.CountDownLatch(1);
    WebSocketServer server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
      @Override public void onOpen(WebSocket conn, ClientHandshake h) { Probe.report("java-websocket"); }
      @Override public void onClose(WebSocket conn, int code, String reason, boolean remote) {}
      @Override public void onMessage(WebSocket conn, String message) {}
      @Override public void onMessage(WebSocket conn, ByteBuffer message) {}
      @Override public void onError(WebSocket conn, Exception ex) { ex.printStackTrace(); }
      @Override public void onStart() { started.countDown(); }
    };
    server.start();
    started.await();
    Probe.handshake(server.getPort());
    Thread.sleep(5_000);
    System.exit(1);
  }
}
