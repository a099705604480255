package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.market.DefaultMarkets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The single writer and the reads beside it: a read never waits for the writer, and never sees a command before
 * the writer has finished it (and, with a journal, made it durable); two commands submitted as a pair (an order and
 * the market data it trades on, in upstream mode) run next to each other, whatever other threads submit meanwhile.
 * Before the pair, they were two submits: the upstream pump's data landing between them wiped the order's queue
 * ahead, and a resting order filled on the first print at its price (UpstreamModeTest's second flake).
 */
class TheWriterTest {
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

  @Test
  void nothingSubmittedMeanwhileLandsBetweenThePair() throws Exception {
    store.submit(fund("1"));
    BigDecimal start = usdc();
    CompletableFuture<BigDecimal> pair = new CompletableFuture<>();
    CompletableFuture<Object> intruder;
    // The writer is held inside a command, so the pair and the intruder queue up behind it.
    try (FrozenWriter writer = new FrozenWriter(store, fund("0"), (e, r) -> null)) {
      Thread submitter = new Thread(() -> pair.complete(store.submit(fund("2"), fund("3"),
          (e, r) -> e.account("alice").available("USDC"))));
      submitter.start();
      // The pair is queued once its submitter waits for the answer.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (submitter.getState() != Thread.State.WAITING && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(submitter.getState()).isEqualTo(Thread.State.WAITING);
      intruder = CompletableFuture.supplyAsync(() -> store.submit(fund("100"), (e, r) -> null));
      Thread.sleep(50); // the intruder queues (behind the pair, not between its two commands)
      writer.release();
    }

    assertThat(pair.get(10, TimeUnit.SECONDS)).as("what the second command of the pair saw")
        .isEqualByComparingTo(start.add(new BigDecimal("5")));
    intruder.get(10, TimeUnit.SECONDS);
    assertThat(usdc()).isEqualByComparingTo(start.add(new BigDecimal("105")));
  }

  @Test
  void aRefusedFirstCommandThrowsAndTheSecondIsNotRun() {
    store.submit(fund("1"));
    BigDecimal start = usdc();
    TimedCommand refused = new TimedCommand(T0, new Command.Fund("alice", "NO_SUCH_ASSET", BigDecimal.ONE));

    assertThatThrownBy(() -> store.submit(refused, fund("3"), (e, r) -> "ran")).isInstanceOf(ApiError.class);
    assertThat(usdc()).isEqualByComparingTo(start);
  }

  private BigDecimal usdc() {
    return store.read(T0, null, e -> e.account("alice").available("USDC"));
  }

  private static TimedCommand fund(String quantity) {
    return new TimedCommand(T0, new Command.Fund("alice", "USDC", new BigDecimal(quantity)));
  }
}
