package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.market.Holding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The spec's trade id: "a sequential number scoped to the symbol" and "Trades produced by liquidations are included"
 * (AsyncAPI {@code trade.<symbol>}; {@code t}: "Sequential trade ID for the symbol"). On a spot and a perp market
 * with other participants' flow, a user's fills on both and a liquidation on the perp, a real WebSocket client
 * (OkHttp) sees every market's ids go up by exactly one, REST {@code /api/v1/trades} lists the same ids without a gap,
 * and each fill in the history ({@code tradeId}) and on {@code account.orderUpdate} ({@code t}) is one of those trades.
 */
class TradeIdSequenceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:30Z");
  private static final String SPOT = "SOL_USDC";
  private static final String PERP = "BTC_USDC_PERP";

  @Test
  void everyTradeOfAMarketTakesTheNextIdOfItsOwnOnTheStreamInTradesAndInTheFills() throws Exception {
    PaperClock clock = PaperClock.fixed(T0);
    SigningKey key = SigningKey.generate();
    Map<String, Holding> small = Map.of("USDC", new Holding(new BigDecimal("1200"), BigDecimal.ZERO, BigDecimal.ZERO),
        "SOL", new Holding(new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO));
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(9).startingPortfolio(small)
        .webSocketPort(0).start();
         OkHttpWs ws = new OkHttpWs(paper.wsUrl())) {
      PaperHttp http = new PaperHttp(paper.url(), key, clock);
      ws.send(subscribe(key, clock, List.of("trade." + SPOT, "trade." + PERP, "account.orderUpdate")));
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));

      // Fills on both markets between the flow's prints, then a liquidation on the perp.
      ok(http.post("/api/v1/order", order(SPOT, "Ask", "1")));
      paper.advance(Duration.ofSeconds(5));
      ok(http.patch("/api/v1/account", "{\"leverageLimit\":\"20\"}"));
      ok(http.post("/api/v1/order", order(PERP, "Bid", "0.1")));
      paper.advance(Duration.ofSeconds(5));
      ok(http.post("/api/v1/order", order(SPOT, "Bid", "1")));
      ok(http.post("/api/v1/order", order(PERP, "Bid", "0.1")));
      BigDecimal mark = paper.inspect(e -> e.markets().get(PERP).markPrice());
      paper.setPrice(PERP, mark.multiply(new BigDecimal("0.7")).setScale(1, RoundingMode.DOWN));
      paper.advance(Duration.ofSeconds(5));
      ok(http.post("/api/v1/order", order(SPOT, "Ask", "1")));

      List<Map<String, Object>> fills = objects(http.get("/wapi/v1/history/fills?limit=1000").array());
      Map<String, List<Map<String, Object>>> rest = new HashMap<>();
      for (String symbol : List.of(SPOT, PERP)) {
        rest.put(symbol, objects(http.get("/api/v1/trades?symbol=" + symbol + "&limit=1000").array()));
      }
      Map<String, Object> liquidation = fills.stream()
          .filter(f -> "LiquidatePositionOnBackstop".equals(f.get("systemOrderType"))).findFirst().orElseThrow();
      assertThat(liquidation.get("symbol")).isEqualTo(PERP);

      // The stream, until it has delivered every market's newest trade as REST lists it.
      Map<String, List<Map<String, Object>>> stream = new HashMap<>(Map.of(SPOT, new ArrayList<>(), PERP,
          new ArrayList<>()));
      // Ids are per market: the same number may be a trade of each (a fill's key is its symbol and id).
      Map<String, Map<String, Object>> orderFills = new LinkedHashMap<>();
      while (!caughtUp(stream, rest)) {
        String frame = ws.frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("the trade stream reaches REST's newest trade").isNotNull();
        Map<String, Object> f = object(Json.parse(frame));
        Map<String, Object> data = object(f.get("data"));
        if ("trade".equals(data.get("e"))) {
          stream.get((String) data.get("s")).add(data);
        } else if ("orderFill".equals(data.get("e"))) {
          orderFills.put(data.get("s") + "#" + id(data.get("t")), data);
        }
      }

      for (String symbol : List.of(SPOT, PERP)) {
        List<Long> streamed = stream.get(symbol).stream().map(d -> id(d.get("t"))).toList();
        assertThat(streamed).as("%s: the flow printed between the fills", symbol).hasSizeGreaterThan(8);
        for (int i = 1; i < streamed.size(); i++) {
          assertThat(streamed.get(i)).as("%s stream: %s", symbol, streamed).isEqualTo(streamed.get(i - 1) + 1);
        }
        List<Map<String, Object>> listed = rest.get(symbol);
        for (int i = 1; i < listed.size(); i++) {
          assertThat(id(listed.get(i).get("id"))).as("%s /trades, newest first", symbol)
              .isEqualTo(id(listed.get(i - 1).get("id")) - 1);
        }
        // The streamed trades are REST's newest, the same prints.
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        listed.forEach(t -> byId.put(id(t.get("id")), t));
        for (Map<String, Object> t : stream.get(symbol)) {
          Map<String, Object> r = byId.get(id(t.get("t")));
          assertThat(r).as("%s trade %s in /trades", symbol, t.get("t")).isNotNull();
          assertThat(num(r.get("price"))).isEqualByComparingTo(num(t.get("p")));
          assertThat(num(r.get("quantity"))).isEqualByComparingTo(num(t.get("q")));
        }
      }

      // Every fill is one of its market's trades, under the same id in the history and on the order update.
      // Five market orders (one fill per maker level they reach) and the liquidation.
      assertThat(fills).hasSizeGreaterThanOrEqualTo(6);
      assertThat(orderFills.keySet()).containsExactlyInAnyOrderElementsOf(
          fills.stream().map(f -> f.get("symbol") + "#" + id(f.get("tradeId"))).toList());
      for (Map<String, Object> fill : fills) {
        String symbol = (String) fill.get("symbol");
        long tradeId = id(fill.get("tradeId"));
        Map<String, Object> printed = stream.get(symbol).stream().filter(t -> id(t.get("t")) == tradeId)
            .findFirst().orElseThrow(() -> new AssertionError("fill " + tradeId + " not on trade." + symbol));
        assertThat(num(printed.get("p"))).isEqualByComparingTo(num(fill.get("price")));
        assertThat(num(printed.get("q"))).isEqualByComparingTo(num(fill.get("quantity")));
        Map<String, Object> update = orderFills.get(symbol + "#" + tradeId);
        assertThat(num(update.get("L"))).isEqualByComparingTo(num(fill.get("price")));
        assertThat(num(update.get("l"))).isEqualByComparingTo(num(fill.get("quantity")));
      }
      long liquidated = id(liquidation.get("tradeId"));
      assertThat(rest.get(PERP)).anyMatch(t -> id(t.get("id")) == liquidated);
    }
  }

  private static boolean caughtUp(Map<String, List<Map<String, Object>>> stream,
                                  Map<String, List<Map<String, Object>>> rest) {
    for (Map.Entry<String, List<Map<String, Object>>> e : rest.entrySet()) {
      List<Map<String, Object>> seen = stream.get(e.getKey());
      if (seen.isEmpty() || id(seen.get(seen.size() - 1).get("t")) < id(e.getValue().get(0).get("id"))) {
        return false;
      }
    }
    return true;
  }

  private static String order(String symbol, String side, String quantity) {
    return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\"Market\",\"quantity\":\""
        + quantity + "\"}";
  }

  private static String subscribe(SigningKey key, PaperClock clock, List<String> streams) {
    SignedHeaders h = new RequestSigner(key).sign("subscribe", Map.of(), clock.millis(), 5000);
    return Json.write(Map.of("method", "SUBSCRIBE", "params", streams, "id", 1L,
        "signature", List.of(h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  private static List<Map<String, Object>> objects(List<Object> rows) {
    return rows.stream().map(TradeIdSequenceTest::object).toList();
  }

  private static long id(Object v) {
    return ((Number) v).longValue();
  }

  private static BigDecimal num(Object v) {
    return new BigDecimal(v.toString());
  }

  private static void ok(PaperHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
