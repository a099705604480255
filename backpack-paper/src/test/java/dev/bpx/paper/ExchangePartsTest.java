package dev.bpx.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails part-way closes what it had started, so a retry finds no engine or journal left open. */
class ExchangePartsTest {

  @Test
  void aStartWhosePortIsTakenLeavesNoEngineRunning(@TempDir Path dir) {
    try (PaperExchange first = PaperExchange.builder().start()) {
      long enginesBefore = engineThreads();
      assertThatThrownBy(() -> PaperExchange.builder().port(first.port()).stateFile(dir.resolve("second.journal"))
          .fsync(false).start())
          .hasMessageContaining("cannot bind 127.0.0.1:" + first.port());
      // The engine (and its journal) opened before the HTTP front failed to bind is closed again.
      assertThat(engineThreads()).isEqualTo(enginesBefore);

      try (PaperExchange retried = PaperExchange.builder().stateFile(dir.resolve("second.journal")).fsync(false)
          .start()) {
        assertThat(retried.stateFile()).contains(dir.resolve("second.journal"));
      }
    }
  }

  private static long engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("paper-engine"))
        .count();
  }
}
