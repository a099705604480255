package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.BreakerStatus;
import dev.bpx.client.SafetyLimits;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily circuit breakers over real HTTP against the paper exchange: the daily loss is the fall of
 * the net equity the exchange reports (fees and the price move of a position included), the breaker
 * trips exactly when that fall reaches the limit, and the daily notional counts what the exchange
 * accepted, exactly up to its limit.
 */
class DailyLossOnPaperTest {
  private final PaperWithClient px = new PaperWithClient();

  @TempDir
  Path stateDir;

  @AfterEach
  void tearDown() {
    px.close();
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private BackpackClient limited(SafetyLimits limits) {
    return BackpackClient.builder().safetyLimits(limits).stateDirectory(stateDir).baseUrl(px.paper.url())
        .signingKey(px.key).clock(px.clock).sleeper(d -> { }).maxRetries(0).build();
  }

  private BigDecimal netEquity() {
    return px.client.account().getCollateralSummary().netEquity();
  }

  private int historySize() {
    return px.client.history().listOrders(OrderHistoryQuery.builder().limit(1000).build()).size();
  }

  private static BreakerStatus loss(BackpackClient client) {
    return client.orders().breakerStatus().stream().filter(s -> s.rule().equals("maxDailyLoss")).findFirst().orElseThrow();
  }

  @Test
  void theDailyLossIsTheFallOfTheExchangesNetEquityAndTripsExactlyAtTheLimit() {
    px.paper.setPrice("SOL_USDC_PERP", d("150"));
    BigDecimal start = netEquity();
    try (BackpackClient watching = limited(SafetyLimits.none().withMaxDailyLoss(d("1000000")))) {
      Order opened = watching.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("2")).build());
      assertThat(opened.status()).isEqualTo(OrderStatus.FILLED);
      px.paper.setPrice("SOL_USDC_PERP", d("130"));

      BigDecimal lost = loss(watching).used();
      // Baseline = the equity before the first order of the day; loss = what the exchange says is gone.
      assertThat(lost).isEqualByComparingTo(start.subtract(netEquity()));
      assertThat(lost).isGreaterThan(d("40")); // 2 SOL × 20 down, plus the fee and the spread paid
    }

    try (BackpackClient above = limited(SafetyLimits.none().withMaxDailyLoss(start.subtract(netEquity()).add(d("0.01"))))) {
      Order passes = above.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.1"), d("100")).build());
      assertThat(passes.status()).isEqualTo(OrderStatus.NEW);
      px.client.orders().cancel("SOL_USDC", passes.id());
    }
    int before = historySize();
    try (BackpackClient atLimit = limited(SafetyLimits.none().withMaxDailyLoss(start.subtract(netEquity())))) {
      assertThatThrownBy(() -> atLimit.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.1"), d("100")).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("circuit breaker maxDailyLoss")
          .hasMessageContaining("net equity is " + netEquity().stripTrailingZeros().toPlainString());
      assertThat(historySize()).isEqualTo(before);
      assertThat(loss(atLimit).tripped()).isTrue();

      // Closing the position is reduce-only: it passes the tripped breaker, and the exchange flattens it.
      atLimit.orders().closePosition("SOL_USDC_PERP");
      assertThat(px.client.account().getPosition("SOL_USDC_PERP").filter(p -> p.netQuantity().signum() != 0)).isEmpty();
    }
  }

  @Test
  void theDailyNotionalCountsWhatTheExchangeAcceptedExactlyUpToItsLimit() {
    try (BackpackClient limited = limited(SafetyLimits.none().withMaxDailyNotional(d("300")))) {
      limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("100")).build());
      limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("2"), d("100")).build());
      int before = historySize();

      assertThatThrownBy(() -> limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.01"), d("100")).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("orders worth 300");
      assertThat(historySize()).isEqualTo(before);
      assertThat(px.client.orders().listOpenOrders()).hasSize(2);
    }
  }
}
