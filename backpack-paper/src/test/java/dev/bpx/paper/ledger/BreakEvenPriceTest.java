package dev.bpx.paper.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code breakEvenPrice} is the price at which closing the position leaves its PnL at zero once fees and funding are
 * counted. Checked against the exchange's own figure for a long ({@code backpack-api.md}'s position capture) and, for
 * both sides over HTTP, against that definition with the fees read from the fills history, not from the position.
 */
class BreakEvenPriceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  @Test
  void reproducesTheExchangesFigureForALong() {
    // backpack-api.md: entryPrice 4447.065, netCost 8.89413, netQuantity 0.002, cumulativeFundingPayment -0.022061,
    // breakEvenPrice 4460.3195; the fee is that of a 0.002 taker fill at 5 bps, 0.004448 (rounded up to the quote's 6).
    PerpPosition p = new PerpPosition(1, "ETH_USDC_PERP", 0);
    p.restore(new BigDecimal("0.002"), new BigDecimal("8.89413"), BigDecimal.ZERO, new BigDecimal("-0.022061"),
        new BigDecimal("0.004448"), BigDecimal.ZERO, BigDecimal.ZERO, false, null, null);

    assertThat(p.breakEvenPrice()).isEqualByComparingTo("4460.3195");
  }

  @Test
  void aShortBreaksEvenBelowItsEntryAndALongAbove() {
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = PaperExchange.builder().clock(clock).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      market(http, "SOL_USDC_PERP", "Ask", "2");
      market(http, "BTC_USDC_PERP", "Bid", "0.01");

      for (Object o : http.get("/api/v1/position").array()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> position = (Map<String, Object>) o;
        String symbol = (String) position.get("symbol");
        BigDecimal net = decimal(position, "netQuantity");
        BigDecimal entry = decimal(position, "entryPrice");
        BigDecimal breakEven = decimal(position, "breakEvenPrice");
        BigDecimal funding = decimal(position, "cumulativeFundingPayment");
        BigDecimal fees = BigDecimal.ZERO;
        List<Object> fills = http.get("/wapi/v1/history/fills?symbol=" + symbol).array();
        assertThat(fills).as(symbol).isNotEmpty();
        for (Object f : fills) {
          @SuppressWarnings("unchecked")
          Map<String, Object> fill = (Map<String, Object>) f;
          fees = fees.add(decimal(fill, "fee"));
        }
        assertThat(fees.signum()).as("%s paid a fee", symbol).isPositive();

        // Closing all of it at breakEven: net * (breakEven - entry) of price PnL, minus the fees, plus the funding.
        BigDecimal pnlAtBreakEven = net.multiply(breakEven.subtract(entry)).subtract(fees).add(funding);
        assertThat(pnlAtBreakEven.abs()).as("%s: PnL when closed at %s", symbol, breakEven)
            .isLessThan(net.abs().multiply(new BigDecimal("0.0001")));
        if (net.signum() < 0) {
          assertThat(breakEven).as(symbol + " short").isLessThan(entry);
        } else {
          assertThat(breakEven).as(symbol + " long").isGreaterThan(entry);
        }
      }
    }
  }

  private static void market(PaperHttp http, String symbol, String side, String quantity) {
    PaperHttp.Reply r = http.post("/api/v1/order", "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side
        + "\",\"orderType\":\"Market\",\"quantity\":\"" + quantity + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static BigDecimal decimal(Map<String, Object> o, String name) {
    return new BigDecimal(o.get(name).toString());
  }
}
