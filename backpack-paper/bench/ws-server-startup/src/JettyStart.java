import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

public final class JettyStart {
  /** Public: Jetty calls the listener's methods reflectively through method handles. */
  public static final class Endpoint implements Session.Listener.AutoDemanding {
    @Override public void onWebSocketOpen(Session session) { Probe.report("jetty-12"); }
  }

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container ->
        container.addMapping("/", (req, resp, cb) -> new Endpoint()));
    server.setHandler(ws);
    server.start();
    Probe.handshake(connector.getLocalPort());
    Thread.sleep(5_000);
    System.exit(1);
  }
}
