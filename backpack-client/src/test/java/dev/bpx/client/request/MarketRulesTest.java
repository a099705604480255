package dev.bpx.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.exception.ValidationException.Violation;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketFilters;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.PriceFilter;
import dev.bpx.client.model.QuantityFilter;
import dev.bpx.client.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketRulesTest {
  private static final MarketRules SOL = rules("SOL_USDC", MarketType.SPOT, "0.01", "0.01", "100000", "0.01", "0.01", null);
  private static final MarketRules PERP =
      rules("SOL_USDC_PERP", MarketType.PERP, "0.01", "0.01", "1000", "0.1", "0.1", "500");

  private static MarketRules rules(String symbol, MarketType type, String tick, String minPrice, String maxPrice,
      String step, String minQty, String maxQty) {
    PriceFilter price = new PriceFilter(new BigDecimal(minPrice), new BigDecimal(maxPrice), new BigDecimal(tick),
        null, null, null, null, null, null, null, null, null, null, null);
    QuantityFilter quantity = new QuantityFilter(new BigDecimal(minQty), maxQty == null ? null : new BigDecimal(maxQty),
        new BigDecimal(step));
    return MarketRules.of(new Market(symbol, "SOL", "USDC", type, new MarketFilters(price, quantity), null, null, null,
        null, null, null, null, null, true, null, null));
  }

  private static OrderRequest limit(String symbol, String quantity, String price) {
    return OrderRequest.limit(symbol, Side.BID, new BigDecimal(quantity), new BigDecimal(price)).build();
  }

  @Test
  void aPriceOffTheTickNamesTheTwoNearestValidPrices() {
    List<Violation> violations = SOL.check(limit("SOL_USDC", "1", "142.123"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("price");
      assertThat(v.reason()).isEqualTo("142.123 is not a multiple of tickSize 0.01 for SOL_USDC");
      assertThat(v.fix()).isEqualTo("use 142.12 or 142.13");
    });
  }

  @Test
  void aQuantityOffTheStepNamesTheNearestValidQuantities() {
    assertThat(PERP.check(limit("SOL_USDC_PERP", "1.25", "140")))
        .singleElement().extracting(Violation::fix).isEqualTo("use 1.2 or 1.3");
  }

  @Test
  void aQuantityBelowTheMinimumNamesTheMinimum() {
    assertThat(PERP.check(limit("SOL_USDC_PERP", "0.05", "140"))).singleElement().satisfies(v -> {
      assertThat(v.reason()).isEqualTo("0.05 is below minQuantity 0.1 for SOL_USDC_PERP");
      assertThat(v.fix()).isEqualTo("use at least 0.1");
    });
  }

  @Test
  void quantitiesAndPricesAboveTheMaximumAreRejected() {
    assertThat(PERP.check(limit("SOL_USDC_PERP", "600", "1200"))).extracting(Violation::fix)
        .containsExactly("use at most 1000", "use at most 500");
  }

  @Test
  void priceAndQuantityProblemsAreReportedTogether() {
    assertThatThrownBy(() -> SOL.validate(limit("SOL_USDC", "1.234", "142.123")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("price", "quantity"));
  }

  @Test
  void triggerAndAttachedPricesAreCheckedToo() {
    OrderRequest request = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, new BigDecimal("1"))
        .stopLossTriggerPrice(new BigDecimal("130.005")).takeProfitTriggerPrice(new BigDecimal("160.001")).build();

    assertThat(PERP.check(request)).extracting(Violation::field)
        .containsExactly("stopLossTriggerPrice", "takeProfitTriggerPrice");
  }

  @Test
  void reduceOnlyIsRejectedOnSpot() {
    OrderRequest request = OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, BigDecimal.ONE).reduceOnly(true).build();

    assertThat(SOL.check(request)).extracting(Violation::field).containsExactly("reduceOnly");
    assertThat(PERP.check(request.toBuilder().build())).isEmpty();
  }

  @Test
  void roundingIsExplicitAndChosenBySide() {
    BigDecimal price = new BigDecimal("142.123");

    assertThat(SOL.roundPrice(price, Side.BID)).isEqualTo(new BigDecimal("142.12"));
    assertThat(SOL.roundPrice(price, Side.ASK)).isEqualTo(new BigDecimal("142.13"));
    assertThat(SOL.roundPrice(price, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("142.12"));
    assertThat(PERP.roundQuantity(new BigDecimal("1.29"), RoundingMode.DOWN)).isEqualTo(new BigDecimal("1.2"));
    assertThat(SOL.roundPrice(new BigDecimal("142.1"), Side.BID)).isEqualTo(new BigDecimal("142.10"));
  }

  @Test
  void aValidOrderPasses() {
    assertThat(SOL.check(limit("SOL_USDC", "1.23", "142.12"))).isEmpty();
    assertThat(SOL.check(limit("SOL_USDC", "1.230000", "142.1200"))).as("trailing zeros are fine").isEmpty();
  }
}
