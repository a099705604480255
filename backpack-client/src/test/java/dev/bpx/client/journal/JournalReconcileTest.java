package dev.bpx.client.journal;

import dev.bpx.client.MovableClock;

import static dev.bpx.client.journal.JournalTestSupport.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReconcileTest {
  @TempDir Path dir;
  private final MovableClock clock = MovableClock.at("2026-11-30T22:50:00Z");
  private final List<Long> asked = new ArrayList<>();

  private Journal journal(Map<Long, OrderFinder.FoundOrder> exchange) {
    OrderFinder finder = (symbol, clientId) -> {
      asked.add(clientId);
      if (clientId == 666) {
        throw new IllegalStateException("connection refused");
      }
      return Optional.ofNullable(exchange.get(clientId));
    };
    return Journal.reconciling(new JournalWriter(dir, clock, JournalWriter.DEFAULT_MAX_FILE_BYTES), clock, finder,
        Duration.ofSeconds(15), Duration.ofHours(24));
  }

  @Test
  void anIntentWithoutOutcomeIsLookedUpByClientIdAndItsOutcomeAppended() throws Exception {
    Journal journal = journal(Map.of(1L, new OrderFinder.FoundOrder("111", "New")));
    journal.writer().append(place(1)); // crash after sending: the exchange has it
    journal.writer().append(place(2)); // crash before sending: the exchange has none
    clock.advance(Duration.ofSeconds(60));

    List<JournalRecord> outcomes = journal.reconcile();

    assertThat(outcomes).extracting(JournalRecord::clientId, JournalRecord::result, JournalRecord::orderId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "placed", "111"),
            org.assertj.core.groups.Tuple.tuple(2L, "notFound", null));
    assertThat(outcomes.get(0).status()).isEqualTo("New");
    assertThat(outcomes.get(0).reason()).startsWith("reconciled on start");
    assertThat(journal.pending()).isEmpty();
    assertThat(journal.reconcile()).isEmpty();
    assertThat(asked).containsExactly(1L, 2L);
    assertThat(journal.verify().intact()).isTrue();
  }

  @Test
  void anIntentYoungerThanTheMinimumAgeIsLeftAloneBecauseItMayStillBeInFlight() throws Exception {
    Journal journal = journal(Map.of());
    journal.writer().append(place(1));
    clock.advance(Duration.ofSeconds(14));

    assertThat(journal.reconcile()).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(journal.pending()).hasSize(1);
  }

  @Test
  void anExchangeThatCannotBeAskedLeavesTheOutcomeUnknownAndItIsAskedAgainNextTime() throws Exception {
    Journal journal = journal(Map.of(666L, new OrderFinder.FoundOrder("9", "Filled")));
    journal.writer().append(place(666));
    clock.advance(Duration.ofSeconds(60));

    List<JournalRecord> first = journal.reconcile();

    assertThat(first).extracting(JournalRecord::result).containsExactly("unknown");
    assertThat(first.get(0).reason()).contains("connection refused");
    assertThat(journal.pending()).hasSize(1);
    assertThat(journal.reconcile()).extracting(JournalRecord::result).containsExactly("unknown");
  }

  @Test
  void anOutcomeUnknownAtTheTimeIsResolvedLater() throws Exception {
    Journal journal = journal(Map.of(5L, new OrderFinder.FoundOrder("55", "Filled")));
    JournalRecord intent = journal.writer().append(place(5));
    journal.writer().append(JournalRecord.outcome(intent, "unknown").reason("timeout").build());
    clock.advance(Duration.ofSeconds(60));

    assertThat(journal.reconcile()).extracting(JournalRecord::ref, JournalRecord::result, JournalRecord::orderId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(intent.id(), "placed", "55"));
  }

  @Test
  void anOrderOlderThanTheLookbackAndAnActionThatCannotBeLookedUpAreMarkedUnresolved() throws Exception {
    Journal journal = journal(Map.of());
    journal.writer().append(place(7));
    journal.writer().append(JournalRecord.intent("lend").asset("USDC").quantity(java.math.BigDecimal.TEN).build());
    clock.advance(Duration.ofHours(25));

    List<JournalRecord> outcomes = journal.reconcile();

    assertThat(outcomes).extracting(JournalRecord::action, JournalRecord::result)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("place", "unresolved"),
            org.assertj.core.groups.Tuple.tuple("lend", "unresolved"));
    assertThat(asked).isEmpty();
    assertThat(journal.reconcile()).isEmpty();
  }

  @Test
  void aJournalOpenedOnlyForReadingCannotReconcile() {
    assertThatThrownBy(() -> Journal.at(dir).reconcile()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BackpackClient.journal()");
  }
}
