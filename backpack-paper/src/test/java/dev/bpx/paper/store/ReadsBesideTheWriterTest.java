package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.market.DefaultMarkets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read path beside the single writer: a read never waits for the writer, and never sees a
 * command before the writer has finished it (and, with a journal, made it durable).
 */
class ReadsBesideTheWriterTest {
  private static final long T0 = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final JournaledEngine store = new JournaledEngine(new EngineConfig(3, T0, DefaultMarkets.assets(),
      DefaultMarkets.markets(), PaperExchange.Builder.defaultPortfolio(), 20), null);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aReadWhileTheWriterIsInsideACommandAnswersAtOnceFromTheStateBeforeIt() throws Exception {
    store.submit(fund("5"));
    BigDecimal before = usdc();
    Object answered;
    try (FrozenWriter writer = new FrozenWriter(store, fund("7"), (e, r) -> e.account("alice").available("USDC"))) {
      BigDecimal during = assertTimeoutPreemptively(DEADLINE, this::usdc);
      answered = writer.release();
      assertThat(during).isEqualByComparingTo(before);
    }
    assertThat(answered).isEqualTo(before.add(new BigDecimal("7")));
    assertThat(usdc()).isEqualByComparingTo(before.add(new BigDecimal("7")));
  }

  @Test
  void everyAnsweredCommandIsVisibleToTheNextReadWhicheverReplicaServesIt() {
    store.submit(fund("1"));
    BigDecimal expected = usdc();
    for (int i = 0; i < 25; i++) {
      store.submit(fund("0.5"));
      expected = expected.add(new BigDecimal("0.5"));
      assertThat(usdc()).isEqualByComparingTo(expected);
    }
  }

  private BigDecimal usdc() {
    return store.read(T0, null, e -> e.account("alice").available("USDC"));
  }

  private static TimedCommand fund(String quantity) {
    return new TimedCommand(T0, new Command.Fund("alice", "USDC", new BigDecimal(quantity)));
  }
}
