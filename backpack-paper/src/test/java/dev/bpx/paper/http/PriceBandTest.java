package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The price band the markets advertise ({@code filters.price.maxMultiplier} "2" / {@code minMultiplier} "0.5":
 * "allowed multiplier from last active price" in the official spec) is enforced on limit prices: a price at the
 * bound (rounded inward to the tick) is accepted, one tick beyond it is refused with 400 {@code INVALID_PRICE}, on
 * both sides, spot and perp, and for a trigger order's limit price. The reference is read back from the exchange's
 * own ticker ({@code lastPrice}) right before each order; the clock is fixed, so nothing trades in between.
 */
class PriceBandTest {
  private PaperExchange paper;
  private PaperHttp client;

  @BeforeEach
  void start() {
    PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T10:59:30Z"));
    paper = PaperExchange.builder().clock(clock).seed(21).start();
    client = new PaperHttp(paper.url(), SigningKey.generate(), clock);
  }

  @AfterEach
  void stop() {
    paper.close();
  }

  @Test
  void theMarketsAdvertiseTheBandTheyEnforce() {
    for (Object m : client.get("/api/v1/markets").array()) {
      Map<?, ?> price = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) m).get("filters")).get("price");
      assertThat(price.get("maxMultiplier")).isEqualTo("2");
      assertThat(price.get("minMultiplier")).isEqualTo("0.5");
    }
  }

  @Test
  void spotBidsAndAsksAreHeldToHalfToTwiceTheLastPrice() {
    bandHolds("SOL_USDC", "0.10");
  }

  @Test
  void perpBidsAndAsksAreHeldToHalfToTwiceTheLastPrice() {
    bandHolds("BTC_USDC_PERP", "0.001");
  }

  @Test
  void aTriggerOrdersLimitPriceIsHeldToTheBandWhenPlaced() {
    BigDecimal last = lastPrice("SOL_USDC_PERP");
    BigDecimal max = onTick(last.multiply(new BigDecimal("2")), "0.01", RoundingMode.FLOOR);
    String trigger = last.add(new BigDecimal("1.00")).toPlainString();
    PaperHttp.Reply refused = client.post("/api/v1/order", triggerOrder(max.add(new BigDecimal("0.01")), trigger));
    assertRefused(refused, "above", last);

    PaperHttp.Reply accepted = client.post("/api/v1/order", triggerOrder(max, trigger));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.object().get("status")).isEqualTo("TriggerPending");
    assertThat(accepted.object().get("price")).isEqualTo(max.toPlainString());

    BigDecimal min = onTick(lastPrice("SOL_USDC_PERP").multiply(new BigDecimal("0.5")), "0.01", RoundingMode.CEILING);
    assertRefused(client.post("/api/v1/order", triggerOrder(min.subtract(new BigDecimal("0.01")), trigger)), "below",
        lastPrice("SOL_USDC_PERP"));
  }

  @Test
  void marketOrdersHaveNoPriceAndAreNotBounded() {
    PaperHttp.Reply r = client.post("/api/v1/order",
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.object().get("status")).isEqualTo("Filled");
  }

  @Test
  void aBatchRefusesOnlyItsOrderOutsideTheBand() {
    BigDecimal last = lastPrice("SOL_USDC");
    BigDecimal min = onTick(last.multiply(new BigDecimal("0.5")), "0.01", RoundingMode.CEILING);
    PaperHttp.Reply r = client.post("/api/v1/orders", "[" + limit("SOL_USDC", "Bid", min, "0.10") + ","
        + limit("SOL_USDC", "Bid", min.subtract(new BigDecimal("0.01")), "0.10") + "]");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Object> items = r.array();
    assertThat(((Map<?, ?>) items.get(0)).get("status")).isEqualTo("New");
    assertThat(((Map<?, ?>) items.get(1)).get("code")).isEqualTo("INVALID_PRICE");
  }

  /** One tick beyond each bound refused, the bound itself accepted: bids and asks, resting and taking. */
  private void bandHolds(String symbol, String quantity) {
    String tick = tick(symbol);
    BigDecimal t = new BigDecimal(tick);
    for (String side : List.of("Bid", "Ask")) {
      BigDecimal last = lastPrice(symbol);
      BigDecimal max = onTick(last.multiply(new BigDecimal("2")), tick, RoundingMode.FLOOR);
      assertRefused(client.post("/api/v1/order", limit(symbol, side, max.add(t), quantity)), "above", last);
      PaperHttp.Reply atMax = client.post("/api/v1/order", limit(symbol, side, max, quantity));
      assertThat(atMax.status()).as(side + " at " + max + ": " + atMax.body()).isEqualTo(200);

      last = lastPrice(symbol);
      BigDecimal min = onTick(last.multiply(new BigDecimal("0.5")), tick, RoundingMode.CEILING);
      assertRefused(client.post("/api/v1/order", limit(symbol, side, min.subtract(t), quantity)), "below", last);
      PaperHttp.Reply atMin = client.post("/api/v1/order", limit(symbol, side, min, quantity));
      assertThat(atMin.status()).as(side + " at " + min + ": " + atMin.body()).isEqualTo(200);
    }
  }

  private static void assertRefused(PaperHttp.Reply r, String where, BigDecimal last) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.object().get("code")).isEqualTo("INVALID_PRICE");
    assertThat((String) r.object().get("message")).contains(where).contains("the last price " + last.toPlainString())
        .contains("use a price at or " + ("above".equals(where) ? "below" : "above"));
  }

  private BigDecimal lastPrice(String symbol) {
    PaperHttp.Reply r = client.get("/api/v1/ticker?symbol=" + symbol);
    assertThat(r.status()).isEqualTo(200);
    return new BigDecimal((String) r.object().get("lastPrice"));
  }

  private String tick(String symbol) {
    Map<?, ?> market = client.get("/api/v1/market?symbol=" + symbol).object();
    return (String) ((Map<?, ?>) ((Map<?, ?>) market.get("filters")).get("price")).get("tickSize");
  }

  private static BigDecimal onTick(BigDecimal price, String tick, RoundingMode mode) {
    BigDecimal t = new BigDecimal(tick);
    return price.divide(t, 0, mode).multiply(t).setScale(t.scale());
  }

  private static String limit(String symbol, String side, BigDecimal price, String quantity) {
    return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\"Limit\",\"price\":\""
        + price.toPlainString() + "\",\"quantity\":\"" + quantity + "\"}";
  }

  private static String triggerOrder(BigDecimal price, String triggerPrice) {
    return "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\""
        + price.toPlainString() + "\",\"triggerPrice\":\"" + triggerPrice + "\",\"triggerQuantity\":\"1\"}";
  }
}
