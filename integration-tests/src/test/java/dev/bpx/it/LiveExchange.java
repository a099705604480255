package dev.bpx.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestExchange} for a test class, reset to the starting portfolio before each test, and, when
 * asked for, the MCP server trading "live" on it. Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final LiveExchange live = LiveExchange.withServer();}</pre>
 *
 * <p>A class's own {@code @BeforeEach} runs after the reset, its {@code @AfterAll} before the server and
 * exchange close. Not thread-safe.
 */
final class LiveExchange implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final boolean withServer;
  private TestExchange exchange;
  private ServerUnderTest server;

  private LiveExchange(boolean withServer) {
    this.withServer = withServer;
  }

  /** {@return an exchange with the server started against it} */
  static LiveExchange withServer() {
    return new LiveExchange(true);
  }

  /** {@return an exchange alone, for tests that drive it with a client of their own} */
  static LiveExchange exchangeOnly() {
    return new LiveExchange(false);
  }

  TestExchange exchange() {
    return exchange;
  }

  ServerUnderTest server() {
    if (server == null) {
      throw new IllegalStateException("this LiveExchange was made without a server: use LiveExchange.withServer()");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    exchange = new TestExchange();
    if (withServer) {
      server = ServerUnderTest.start(exchange.liveEnvironment());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    exchange.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (exchange != null) {
        exchange.close();
      }
    }
  }
}
