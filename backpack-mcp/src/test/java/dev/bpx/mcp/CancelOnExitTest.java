package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bpx.auth.SigningKey;
import dev.bpx.mcp.config.ServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TradingSession#cancelOnExit}: bounded, so an exchange that does not answer never holds up the exit. */
class CancelOnExitTest {
  @TempDir Path home;

  private TradingSession liveSession(int port, boolean cancelOnExit) {
    Map<String, String> env = new HashMap<>();
    env.put("BACKPACK_PRIVATE_KEY", SigningKey.generate().exportPrivateKeyBase64());
    env.put("BACKPACK_BASE_URL", "http://127.0.0.1:" + port);
    env.put("BACKPACK_CANCEL_ON_EXIT", Boolean.toString(cancelOnExit));
    return new TradingSession(ServerConfig.load(List.of(), env, null, home));
  }

  @Test
  void anExchangeThatNeverAnswersHoldsUpTheExitNoLongerThanTheBound() throws Exception {
    // The kernel accepts connections into the backlog; nobody ever reads or answers them.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      TradingSession session = liveSession(silent.getLocalPort(), true);
      long started = System.nanoTime();
      session.cancelOnExit(Duration.ofMillis(500));
      Duration first = Duration.ofNanos(System.nanoTime() - started);
      assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));

      // The second caller (the shutdown hook after stdin ended) waits for the first, within its own bound.
      started = System.nanoTime();
      session.cancelOnExit(Duration.ofMillis(300));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
      session.close();
    }
  }

  @Test
  void withTheSettingOffNothingIsOpenedAndNothingSent() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      silent.setSoTimeout(300);
      TradingSession session = liveSession(silent.getLocalPort(), false);
      session.cancelOnExit(Duration.ofSeconds(5));
      assertThat(session.isOpen()).isFalse();
      assertThat(catchThrowable(silent::accept))
          .as("no connection reached the exchange").isInstanceOf(SocketTimeoutException.class);
      session.close();
    }
  }
}
