package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.JournalReader;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.OrderRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeJournalTest {
  @TempDir Path dir;
  /** For each request leaving the client: the journal's records at that moment. */
  private final List<List<JournalRecord>> journalWhenSent = new CopyOnWriteArrayList<>();
  private TestExchange exchange;

  private TestExchange exchange(Path journalDir) {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
      if (!chain.request().method().equals("GET")) {
        journalWhenSent.add(records());
      }
      return chain.proceed(chain.request());
    }).build();
    exchange = new TestExchange(b -> b.journal(journalDir).okHttpClient(http));
    return exchange;
  }

  private List<JournalRecord> records() {
    try {
      return new JournalReader(dir).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    if (exchange != null) {
      exchange.close();
    }
  }

  @Test
  void anOrdersIntentIsOnDiskBeforeTheRequestLeavesAndItsOutcomeFollowsWithTheOrderId() {
    TestExchange exchange = exchange(dir);
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("111", 42, "SOL_USDC", "Bid", "New", "Limit"));

    exchange.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.50"),
        new BigDecimal("142.10")).clientId(42).build());

    assertThat(journalWhenSent).hasSize(1);
    assertThat(journalWhenSent.get(0)).singleElement().satisfies(intent -> {
      assertThat(intent.type()).isEqualTo("intent");
      assertThat(intent.action()).isEqualTo("place");
      assertThat(intent.clientId()).isEqualTo(42L);
      assertThat(intent.price()).isEqualByComparingTo("142.10");
    });
    List<JournalRecord> after = records();
    assertThat(after).extracting(JournalRecord::type, JournalRecord::result, JournalRecord::orderId, JournalRecord::status)
        .containsExactly(Tuple.tuple("intent", null, null, null), Tuple.tuple("outcome", "placed", "111", "New"));
    assertThat(after.get(1).ref()).isEqualTo(after.get(0).id());
    assertThat(after.get(1).symbol()).isEqualTo("SOL_USDC");
  }

  @Test
  void anExchangeRefusalIsJournaledAsRefusedWithItsReasonAndNoSecrets() throws IOException {
    TestExchange exchange = exchange(dir);
    exchange.enqueueMarkets();
    exchange.enqueue(400, "{\"code\":\"INVALID_ORDER\",\"message\":\"Insufficient funds\"}");

    assertThatThrownBy(() -> exchange.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID,
        new BigDecimal("1"), new BigDecimal("142.10")).clientId(7).build())).isInstanceOf(ApiException.class);

    assertThat(records()).extracting(JournalRecord::type, JournalRecord::result)
        .containsExactly(Tuple.tuple("intent", null), Tuple.tuple("outcome", "refused"));
    assertThat(records().get(1).reason()).contains("Insufficient funds");
    String text = Files.readString(Files.list(dir).filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow());
    assertThat(text).doesNotContain(exchange.key.publicKeyBase64()).doesNotContain("X-Signature").doesNotContain("signature");
  }

  @Test
  void aRefusalByAClientRuleIsNotJournaledBecauseNothingWasSent() {
    TestExchange exchange = exchange(dir);
    exchange.enqueueMarkets();

    assertThatThrownBy(() -> exchange.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID,
        new BigDecimal("1"), new BigDecimal("142.105")).build())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> exchange.client.orders().cancelAll(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> exchange.client.capital().lend("USDC", BigDecimal.ZERO)).isInstanceOf(ValidationException.class);

    assertThat(records()).isEmpty();
    assertThat(journalWhenSent).isEmpty();
  }

  @Test
  void cancelLendAndSettingsEachWriteAnIntentBeforeSendingAndAnOutcomeAfter() {
    TestExchange exchange = exchange(dir);
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 9, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    exchange.enqueueEmpty(200);
    exchange.enqueueEmpty(200);
    exchange.enqueueJson("[" + order("5", 1, "SOL_USDC", "Bid", "Cancelled", "Limit") + "]");

    exchange.client.orders().cancel("SOL_USDC", "111");
    exchange.client.capital().lend("USDC", new BigDecimal("100.50"));
    exchange.client.account().updateSettings(AccountSettingsUpdate.builder().leverageLimit(new BigDecimal("5")).build());
    exchange.client.orders().cancelAll("SOL_USDC");

    assertThat(journalWhenSent).hasSize(4);
    for (int i = 0; i < 4; i++) {
      List<JournalRecord> seen = journalWhenSent.get(i);
      assertThat(seen.get(seen.size() - 1).type()).as("request %d", i).isEqualTo("intent");
    }
    assertThat(records()).filteredOn(JournalRecord::isOutcome)
        .extracting(JournalRecord::action, JournalRecord::result, JournalRecord::orderId)
        .containsExactly(Tuple.tuple("cancel", "cancelled", "111"), Tuple.tuple("lend", "done", null),
            Tuple.tuple("settings", "done", null), Tuple.tuple("cancelAll", "cancelled", null));
    assertThat(records()).filteredOn(JournalRecord::isIntent).extracting(JournalRecord::asset, JournalRecord::detail)
        .contains(Tuple.tuple("USDC", null), Tuple.tuple(null, "leverageLimit 5"));
    assertThat(records().get(records().size() - 1).detail()).isEqualTo("1 order(s): 5");
  }

  @Test
  void aBatchWritesOneIntentPerOrderBeforeSendingAndOneOutcomePerResult() {
    TestExchange exchange = exchange(dir);
    exchange.enqueueMarkets();
    exchange.enqueueJson("[" + order("1", 1, "SOL_USDC_PERP", "Bid", "New", "Limit").strip().replaceFirst("\\{",
        "{\"operation\":\"Ok\",") + ",{\"operation\":\"Err\",\"code\":\"INSUFFICIENT_MARGIN\",\"message\":\"Insufficient margin\"}]");

    exchange.client.orders().placeBatch(List.of(
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("12"), new BigDecimal("141")).clientId(1).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("11"), new BigDecimal("140")).clientId(2).build()));

    assertThat(journalWhenSent).singleElement().satisfies(seen -> assertThat(seen)
        .extracting(JournalRecord::type, JournalRecord::action, JournalRecord::clientId)
        .containsExactly(Tuple.tuple("intent", "batch", 1L), Tuple.tuple("intent", "batch", 2L)));
    assertThat(records()).filteredOn(JournalRecord::isOutcome)
        .extracting(JournalRecord::clientId, JournalRecord::result, JournalRecord::orderId, JournalRecord::reason)
        .containsExactly(Tuple.tuple(1L, "placed", "1", null),
            Tuple.tuple(2L, "refused", null, "INSUFFICIENT_MARGIN: Insufficient margin"));
  }

  @Test
  void anAnswerLostAfterSendingThatCannotBeSettledIsJournaledUnknownAndLeftForReconciling() throws IOException {
    OkHttpClient http = new OkHttpClient.Builder().build();
    exchange = new TestExchange(b -> b.journal(dir).okHttpClient(http).maxRetries(0));
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueue(503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}");

    assertThatThrownBy(() -> exchange.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID,
        new BigDecimal("1"), new BigDecimal("142.10")).clientId(77).build()))
        .isInstanceOf(dev.bpx.client.exception.NetworkException.class);

    assertThat(records()).extracting(JournalRecord::type, JournalRecord::result)
        .containsExactly(Tuple.tuple("intent", null), Tuple.tuple("outcome", "unknown"));
    assertThat(exchange.client.journal().orElseThrow().pending()).extracting(JournalRecord::clientId).containsExactly(77L);
  }

  @Test
  void anEmergencyStopWritesItsIntentAndItsReport() {
    TestExchange exchange = exchange(dir);
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");

    exchange.client.orders().emergencyStop();

    assertThat(records()).extracting(JournalRecord::type, JournalRecord::action, JournalRecord::result,
        JournalRecord::detail).containsExactly(Tuple.tuple("intent", "emergencyStop", null, null),
        Tuple.tuple("outcome", "emergencyStop", "done", "cancelled 0, closed 0, failures 0"));
  }

  @Test
  void anIntentThatCannotBeWrittenStopsTheOrderAndNothingIsSent() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    TestExchange exchange = exchange(notADirectory.resolve("journal"));
    exchange.enqueueMarkets();

    assertThatThrownBy(() -> exchange.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID,
        new BigDecimal("1"), new BigDecimal("142.10")).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("trade journal").hasMessageContaining("nothing was sent");

    assertThat(journalWhenSent).isEmpty();
    assertThat(exchange.server.getRequestCount()).isEqualTo(1); // the market list only
  }

  @Test
  void anUnwritableJournalNeverBlocksCancelsReduceOnlyOrdersOrTheEmergencyStop() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    TestExchange exchange = exchange(notADirectory.resolve("journal"));
    exchange.enqueueMarkets(); // the cancel's symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    exchange.enqueueJson("[]");
    exchange.enqueueJson(order("112", 8, "SOL_USDC_PERP", "Ask", "Filled", "Limit"));
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");

    exchange.client.orders().cancel("SOL_USDC", "111");
    exchange.client.orders().cancelAll("SOL_USDC");
    exchange.client.orders().place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, new BigDecimal("1"),
        new BigDecimal("142.10")).reduceOnly(true).clientId(8).build());
    exchange.client.orders().emergencyStop();

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("DELETE", "/api/v1/order", null);
    exchange.take("DELETE", "/api/v1/orders", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/orders", null);
    exchange.take("GET", "/api/v1/position", null);
    exchange.take("GET", "/api/v1/position", null);
    assertThat(journalWhenSent).as("cancel, cancel all, reduce-only order").hasSize(3);
  }

  @Test
  void aClientWithoutAJournalHasNone() {
    try (TestExchange plain = new TestExchange()) {
      assertThat(plain.client.journal()).isEmpty();
    }
  }
}
