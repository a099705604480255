package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP through the typed client: the maximum the exchange reports is what it then accepts,
 * one step more is refused, and the preview says "acceptable" exactly when the exchange accepts, just
 * under and just over the leverage limit. Market orders are checked on twin exchanges (same seed,
 * same clock, same commands), limit orders by placing, cancelling and placing again.
 */
class ClientOrderLimitsTest {
  private final List<PaperWithClient> exchanges = new ArrayList<>();

  @AfterEach
  void tearDown() {
    exchanges.forEach(PaperWithClient::close);
  }

  private PaperWithClient exchange(String leverageLimit) {
    PaperWithClient px = new PaperWithClient();
    exchanges.add(px);
    px.client.account().updateSettings(AccountSettingsUpdate.builder().leverageLimit(d("" + leverageLimit)).build());
    return px;
  }

  private static BigDecimal max(BackpackClient c, String symbol, Side side, BigDecimal price, boolean reduceOnly) {
    MaxOrderQuantityQuery.Builder q = MaxOrderQuantityQuery.of(symbol, side);
    if (price != null) {
      q.price(price);
    }
    if (reduceOnly) {
      q.reduceOnly(true);
    }
    return c.orders().getMaxOrderQuantity(q.build()).maxOrderQuantity();
  }

  private static OrderRequest order(String symbol, Side side, BigDecimal price, BigDecimal quantity) {
    return price == null ? OrderRequest.marketByQuantity(symbol, side, quantity).build()
        : OrderRequest.limit(symbol, side, quantity, price).build();
  }

  private static void assertRefused(BackpackClient c, OrderRequest request, String code) {
    assertThatThrownBy(() -> c.orders().place(request)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(400);
      assertThat(e.code()).hasValue(code);
    });
  }

  @Test
  void aRestingLimitOfExactlyTheMaximumIsAcceptedAndOneStepMoreIsRefused() {
    record Case(String symbol, Side side, String price, String step, String leverage, String refusal) {}
    List<Case> cases = List.of(
        new Case("SOL_USDC", Side.BID, "180.00", "0.01", "10", "INSUFFICIENT_FUNDS"),
        new Case("SOL_USDC", Side.ASK, "190.00", "0.01", "10", "INSUFFICIENT_FUNDS"),
        new Case("BTC_USDC", Side.BID, "95000.0", "0.00001", "10", "INSUFFICIENT_FUNDS"),
        new Case("BTC_USDC", Side.ASK, "99000.0", "0.00001", "10", "INSUFFICIENT_FUNDS"),
        new Case("SOL_USDC_PERP", Side.BID, "180.00", "0.01", "1", "MAX_LEVERAGE_REACHED"),
        new Case("SOL_USDC_PERP", Side.ASK, "190.00", "0.01", "2", "MAX_LEVERAGE_REACHED"),
        new Case("BTC_USDC_PERP", Side.BID, "95000.0", "0.00001", "10", "MAX_LEVERAGE_REACHED"),
        new Case("BTC_USDC_PERP", Side.ASK, "99000.0", "0.00001", "50", "INSUFFICIENT_MARGIN"));
    for (Case c : cases) {
      PaperWithClient px = exchange(c.leverage());
      BigDecimal price = d(c.price());
      BigDecimal max = max(px.client, c.symbol(), c.side(), price, false);
      assertThat(max).as(c.toString()).isPositive();
      Order placed = px.client.orders().place(order(c.symbol(), c.side(), price, max));
      assertThat(placed.status()).as(c.toString()).isEqualTo(OrderStatus.NEW);
      px.client.orders().cancel(c.symbol(), placed.id());
      assertThat(max(px.client, c.symbol(), c.side(), price, false)).as(c.toString()).isEqualByComparingTo(max);
      assertRefused(px.client, order(c.symbol(), c.side(), price, max.add(d(c.step()))), c.refusal());
    }
  }

  @Test
  void aMarketOrderOfExactlyTheMaximumIsAcceptedAndOneStepMoreIsRefusedOnATwin() {
    record Case(String symbol, Side side, String step, String leverage, String refusal) {}
    List<Case> cases = List.of(
        new Case("SOL_USDC", Side.BID, "0.01", "10", "INSUFFICIENT_FUNDS"),
        new Case("BTC_USDC", Side.ASK, "0.00001", "10", "INSUFFICIENT_FUNDS"),
        new Case("SOL_USDC_PERP", Side.BID, "0.01", "2", "MAX_LEVERAGE_REACHED"),
        new Case("BTC_USDC_PERP", Side.ASK, "0.00001", "10", "MAX_LEVERAGE_REACHED"));
    for (Case c : cases) {
      PaperWithClient accepted = exchange(c.leverage());
      PaperWithClient refused = exchange(c.leverage());
      BigDecimal max = max(accepted.client, c.symbol(), c.side(), null, false);
      assertThat(max(refused.client, c.symbol(), c.side(), null, false)).as(c.toString()).isEqualByComparingTo(max);
      Order filled = accepted.client.orders().place(order(c.symbol(), c.side(), null, max));
      assertThat(filled.status()).as(c.toString()).isEqualTo(OrderStatus.FILLED);
      assertThat(filled.executedQuantity()).as(c.toString()).isEqualByComparingTo(max);
      assertRefused(refused.client, order(c.symbol(), c.side(), null, max.add(d(c.step()))), c.refusal());
    }
  }

  @Test
  void withAnOpenPositionTheMaximaFollowThePositionAndTheLimit() {
    PaperWithClient px = exchange("2");
    px.client.orders().place(order("SOL_USDC_PERP", Side.BID, null, d("40")));
    assertThat(max(px.client, "SOL_USDC_PERP", Side.ASK, null, true)).isEqualByComparingTo("40");
    assertThat(max(px.client, "SOL_USDC_PERP", Side.BID, null, true)).isEqualByComparingTo("0");
    BigDecimal addMax = max(px.client, "SOL_USDC_PERP", Side.BID, d("180.00"), false);
    Order rest = px.client.orders().place(order("SOL_USDC_PERP", Side.BID, d("180.00"), addMax));
    assertThat(rest.status()).isEqualTo(OrderStatus.NEW);
    // With the bid resting at the limit, nothing more may be added, but the position may be closed.
    assertThat(max(px.client, "SOL_USDC_PERP", Side.BID, d("180.00"), false)).isEqualByComparingTo("0");
    assertRefused(px.client, order("SOL_USDC_PERP", Side.BID, d("180.00"), d("0.01")), "MAX_LEVERAGE_REACHED");
    Order close = px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, d("40"))
        .reduceOnly(true).build());
    assertThat(close.executedQuantity()).isEqualByComparingTo("40");
  }

  @Test
  void thePreviewIsAcceptableExactlyWhenTheExchangeAcceptsJustUnderAndJustOverTheLeverageLimit() {
    for (String leverage : List.of("1", "2", "10")) {
      PaperWithClient px = exchange(leverage);
      px.client.orders().place(order("SOL_USDC_PERP", Side.BID, null, d("10")));
      for (Side side : List.of(Side.BID, Side.ASK)) {
        BigDecimal price = side == Side.BID ? d("180.00") : d("190.00");
        BigDecimal max = max(px.client, "SOL_USDC_PERP", side, price, false);
        OrderRequest under = order("SOL_USDC_PERP", side, price, max);
        OrderRequest over = order("SOL_USDC_PERP", side, price, max.add(d("0.01")));
        OrderPreview underPreview = px.client.orders().preview(under);
        OrderPreview overPreview = px.client.orders().preview(over);
        assertThat(underPreview.problems()).as(leverage + " " + side).isEmpty();
        assertThat(underPreview.acceptable()).isTrue();
        assertThat(overPreview.acceptable()).as(leverage + " " + side).isFalse();
        assertThat(overPreview.problems()).singleElement().asString()
            .contains("over the account's leverage limit", "leverageLimit of " + leverage);
        assertRefused(px.client, over, "MAX_LEVERAGE_REACHED");
        Order placed = px.client.orders().place(under);
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        px.client.orders().cancel("SOL_USDC_PERP", placed.id());
      }
    }
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
