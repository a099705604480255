package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.JournalReader;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README "Modes and safety": a bad argument never reaches the exchange. Every call that names a market
 * checks the symbol against the exchange's market list (as placing an order always did), and a call that
 * names an order by id checks the id's form, before anything is sent or journaled. The exchange here
 * answers an unknown symbol as Backpack does (400 "Invalid market symbol" on {@code GET /api/v1/market}).
 */
class BadArgumentsAreNeverSentTest {
  @TempDir Path journalDir;
  private final Routes routes = new Routes();
  private TestExchange exchange;
  private BackpackClient client;

  @BeforeEach
  void start() {
    exchange = new TestExchange(b -> b.journal(journalDir));
    exchange.server.setDispatcher(routes);
    routes.json("/api/v1/markets", TestExchange.MARKETS_JSON);
    routes.respond("/api/v1/market", 400,
        "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid market symbol\"}");
    client = exchange.client;
  }

  @AfterEach
  void close() {
    exchange.close();
  }

  private static final Map<String, Consumer<BackpackClient>> BY_SYMBOL = Map.ofEntries(
      Map.entry("cancelAll", c -> c.orders().cancelAll("FOO_USDC")),
      Map.entry("cancel", c -> c.orders().cancel("FOO_USDC", "8284671277")),
      Map.entry("cancelByClientId", c -> c.orders().cancelByClientId("FOO_USDC", 7)),
      Map.entry("closePosition", c -> c.orders().closePosition("FOO_USDC")),
      Map.entry("listOpenOrders", c -> c.orders().listOpenOrders("FOO_USDC")),
      Map.entry("findOrder", c -> c.orders().findOrder("FOO_USDC", null, 7L)),
      Map.entry("getOpenOrder", c -> c.orders().getOpenOrder("FOO_USDC", "8284671277")),
      Map.entry("getOpenOrderByClientId", c -> c.orders().getOpenOrderByClientId("FOO_USDC", 7)),
      Map.entry("awaitFinished", c -> {
        try {
          c.orders().awaitFinished("FOO_USDC", "8284671277", null, Duration.ofSeconds(1));
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }),
      Map.entry("getMaxOrderQuantity", c -> c.orders().getMaxOrderQuantity(MaxOrderQuantityQuery.of("FOO_USDC", Side.BID).build())),
      Map.entry("history orders", c -> c.history().listOrders(OrderHistoryQuery.builder().symbol("FOO_USDC").build())),
      Map.entry("history fills", c -> c.history().listFills(FillHistoryQuery.builder().symbol("SOL_USD").build())),
      Map.entry("history funding", c -> c.history().listFundingPayments(FundingPaymentQuery.builder().symbol("FOO_USDC_PERP").build())));

  @Test
  void anUnknownSymbolIsRefusedWithTheSimilarOnesAndNothingIsSentOrJournaled() throws IOException {
    BY_SYMBOL.forEach((call, invoke) -> assertThatThrownBy(() -> invoke.accept(client))
        .as(call)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).as(call).containsExactly("symbol");
          assertThat(e.violations().get(0).reason()).as(call).contains("the exchange has no market");
          assertThat(e.violations().get(0).fix()).as(call).startsWith("did you mean SOL_USDC");
        }));

    // Only the market list (once, then cached) and the single-market look-ups left the client.
    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).containsOnly("GET");
    assertThat(routes.seen()).extracting(r -> r.getUrl().encodedPath())
        .containsOnly("/api/v1/markets", "/api/v1/market");
    assertThat(routes.paths()).filteredOn("/api/v1/markets"::equals).hasSize(1);
    assertThat(new JournalReader(journalDir).readAll()).isEmpty();
  }

  @Test
  void aKnownSymbolGoesThroughAfterTheCheck() {
    routes.respond("DELETE", "/api/v1/orders", 200, "[]");
    routes.json("/wapi/v1/history/orders", "[]");

    assertThat(client.orders().cancelAll("SOL_USDC").cancelled()).isEmpty();
    assertThat(client.history().listOrders(OrderHistoryQuery.builder().symbol("SOL_USDC_PERP").build())).isEmpty();

    assertThat(routes.paths()).containsExactly("/api/v1/markets", "/api/v1/orders",
        "/wapi/v1/history/orders?symbol=SOL_USDC_PERP");
  }

  @Test
  void whenTheMarketListCannotBeReadTheExchangeJudgesTheSymbolSoACancelIsNeverBlocked() {
    routes.respond("/api/v1/markets", 503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"maintenance\"}");
    routes.respond("DELETE", "/api/v1/orders", 200, "[]");

    assertThat(client.orders().cancelAll("SOL_USDC").cancelled()).isEmpty();

    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).contains("DELETE");
  }

  @Test
  void aMalformedOrderIdIsRefusedBeforeSendingOrJournaling() throws IOException {
    for (String bad : List.of("abc", "-1", "12.5", "0x10", "18446744073709551616", "1".repeat(21))) {
      List<Runnable> calls = List.of(
          () -> client.orders().cancel("SOL_USDC", bad),
          () -> client.orders().getOpenOrder("SOL_USDC", bad),
          () -> client.orders().findOrder("SOL_USDC", bad, null),
          () -> client.history().listFills(FillHistoryQuery.builder().orderId(bad).build()));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run).as(bad).isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("orderId");
          assertThat(e.getMessage()).contains("is not an order id", "use its clientId");
        });
      }
    }
    assertThat(routes.seen()).isEmpty();
    assertThat(new JournalReader(journalDir).readAll()).isEmpty();
  }

  @Test
  void theLargestOrderIdTheExchangeCanGiveIsAccepted() {
    routes.respond("DELETE", "/api/v1/order", 404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Order not found\"}");

    assertThatThrownBy(() -> client.orders().cancel("SOL_USDC", "18446744073709551615"))
        .isNotInstanceOf(ValidationException.class);

    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).contains("DELETE");
  }

  @Test
  void aPastedDocumentAsSymbolIsRepeatedOnlyInPart() {
    String huge = "X".repeat(100_000) + "_USDC";

    assertThatThrownBy(() -> client.orders().cancelAll(huge))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
            .hasSizeLessThan(400)
            .contains("X".repeat(Args.MAX_ECHO_CHARS) + "…(100005 chars)"));
  }

  @Test
  void redeemingMoreThanIsLentIsRefusedNamingTheLentAmount() throws IOException {
    routes.json("/api/v1/borrowLend/positions", """
        [{"symbol":"SOL","netQuantity":"5","cumulativeInterest":"0"},
         {"symbol":"USDC","netQuantity":"-3","cumulativeInterest":"0"}]""");
    routes.respond("POST", "/api/v1/borrowLend", 200, "");

    assertThatThrownBy(() -> client.capital().redeem("SOL", new BigDecimal("8")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("quantity");
          assertThat(e.violations().get(0).reason()).isEqualTo("8 is more than the 5 SOL lent");
          assertThat(e.violations().get(0).fix()).startsWith("redeem at most 5;").contains("borrow the rest");
        });
    assertThatThrownBy(() -> client.capital().redeem("USDC", new BigDecimal("1")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).reason())
            .isEqualTo("nothing of USDC is lent, so there is nothing to redeem"));
    assertThatThrownBy(() -> client.capital().redeem("BTC", new BigDecimal("0.1")))
        .isInstanceOf(ValidationException.class);
    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).containsOnly("GET");
    assertThat(new JournalReader(journalDir).readAll()).isEmpty();

    client.capital().redeem("SOL", new BigDecimal("5"));

    RecordedRequest sent = routes.seen().get(routes.seen().size() - 1);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(TestExchange.body(sent)).isEqualTo("{\"quantity\":\"5\",\"side\":\"Borrow\",\"symbol\":\"SOL\"}");
  }
}
