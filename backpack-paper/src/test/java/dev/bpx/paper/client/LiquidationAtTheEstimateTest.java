package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;
import dev.bpx.paper.market.Holding;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Account;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The liquidation price told to a user at entry, checked against what the exchange then does: open
 * a BTC perp position, record the preview's estimate (before the order) and the position's {@code
 * estLiquidationPrice} (after it), then walk the underlying (spot and perp together, as the paper
 * walk moves them) one basis point at a time until the exchange actually liquidates.
 */
class LiquidationAtTheEstimateTest {
  private static final String PERP = "BTC_USDC_PERP";
  private static final BigDecimal START = new BigDecimal("97500.0");
  private static final BigDecimal TICK = new BigDecimal("0.1");
  /** 0.05 %: how close the real liquidation must come to the estimate. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.0005");

  private PaperExchange paper;
  private BackpackClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  static Stream<Arguments> positions() {
    Map<String, Holding> usdcOnly = Map.of("USDC", holding("1200"));
    // Most of the equity is BTC itself: it falls with a long and rises against a short.
    Map<String, Holding> withBtc = Map.of("USDC", holding("300"), "BTC", holding("0.01"));
    return Stream.of(
        Arguments.of("long, USDC collateral only", usdcOnly, Side.BID),
        Arguments.of("short, USDC collateral only", usdcOnly, Side.ASK),
        Arguments.of("long, with BTC as collateral", withBtc, Side.BID),
        Arguments.of("short, with BTC as collateral", withBtc, Side.ASK));
  }

  private static Holding holding(String available) {
    return new Holding(new BigDecimal(available), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positions")
  void theExchangeLiquidatesWithinFiveBasisPointsOfTheEstimatesMadeAtEntry(String name,
      Map<String, Holding> portfolio, Side side) {
    PaperClock clock = PaperClock.fixed(PaperWithClient.T0);
    paper = PaperExchange.builder().clock(clock).seed(3).startingPortfolio(portfolio).start();
    SigningKey key = SigningKey.generate();
    client = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).clock(clock)
        .sleeper(d -> { }).maxRetries(0).build();
    // About 16x: above the default leverage limit of 10, which the exchange enforces.
    client.account().updateSettings(dev.bpx.client.request.AccountSettingsUpdate.builder()
        .leverageLimit(new BigDecimal("20")).build());
    paper.setPrice(PERP, START);
    OrderRequest open = OrderRequest.marketByQuantity(PERP, side, new BigDecimal("0.2")).build();

    OrderPreview preview = client.orders().preview(open);
    client.orders().place(open);
    Position position = client.account().getPosition(PERP).orElseThrow();
    BigDecimal previewed = preview.estimatedLiquidationPrice();
    BigDecimal reported = position.estLiquidationPrice();
    assertThat(previewed).as("preview's estimate").isNotNull().isPositive();
    assertThat(reported).as("position's estLiquidationPrice").isPositive();
    // A long is liquidated by a fall, a short by a rise.
    assertThat(reported.compareTo(position.markPrice())).isEqualTo(side == Side.BID ? -1 : 1);

    BigDecimal liquidatedAt = walkUntilLiquidated(key.publicKeyBase64(), position.markPrice(), side == Side.BID ? -1 : 1);

    assertThat(relativeDistance(reported, liquidatedAt)).as("estLiquidationPrice %s vs liquidation at %s", reported, liquidatedAt)
        .isLessThanOrEqualTo(TOLERANCE);
    assertThat(relativeDistance(previewed, liquidatedAt)).as("preview %s vs liquidation at %s", previewed, liquidatedAt)
        .isLessThanOrEqualTo(TOLERANCE);
    assertThat(client.account().getPosition(PERP)).isEmpty();
  }

  /** Moves the underlying one basis point (on the tick) at a time; returns the price the exchange liquidated at. */
  private BigDecimal walkUntilLiquidated(String apiKey, BigDecimal mark, int direction) {
    BigDecimal step = mark.movePointLeft(4).divide(TICK, 0, RoundingMode.DOWN).multiply(TICK)
        .multiply(BigDecimal.valueOf(direction));
    BigDecimal price = mark;
    for (int i = 0; i < 5000; i++) {
      price = price.add(step);
      paper.setPrice(PERP, price);
      if (!hasPosition(apiKey)) {
        return price;
      }
    }
    throw new AssertionError("no liquidation within 5000 steps of " + step + " from " + mark);
  }

  private boolean hasPosition(String apiKey) {
    return paper.inspect(e -> {
      Account a = e.accounts().find(apiKey);
      return a.positions().containsKey(PERP);
    });
  }

  private static BigDecimal relativeDistance(BigDecimal estimate, BigDecimal actual) {
    return estimate.subtract(actual).abs().divide(actual, MathContext.DECIMAL64);
  }
}
