package dev.bpx.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A suite that runs under each official MCP client: one subclass per {@link ServerUnderTest.Client}. Each
 * concrete class gets one fresh exchange and one server for all its tests (not one per test: that would
 * cost a JVM start each). Where the client cannot run here, every test is skipped with the reason.
 *
 * <p>Not thread-safe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite {
  TestExchange exchange;
  ServerUnderTest server;

  /** {@return the client that drives the server in this suite} */
  abstract ServerUnderTest.Client client();

  @BeforeAll
  void startExchangeAndServer() {
    if (client().unavailable() != null) {
      return;
    }
    exchange = new TestExchange();
    server = startServer(exchange);
  }

  /** {@return the server the suite's tests use, trading "live" on {@code exchange}} */
  ServerUnderTest startServer(TestExchange exchange) {
    return ServerUnderTest.start(client(), exchange.liveEnvironment());
  }

  @BeforeEach
  void skipWhereTheClientCannotRun() {
    // An assumption per test (not in @BeforeAll) so that the report counts the tests as skipped, with the reason.
    client().assumeAvailable();
  }

  @AfterAll
  void stopServerAndExchange() {
    if (server != null) {
      server.close();
    }
    if (exchange != null) {
      exchange.close();
    }
  }
}
