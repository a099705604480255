package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.CollateralAsset;
import dev.bpx.client.model.MarginFunction;
import dev.bpx.client.model.Position;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account-level liquidation solve behind the preview, with numbers small enough to check by
 * hand. (That it matches what the exchange does is checked against the paper exchange, in
 * backpack-paper's {@code LiquidationAtTheEstimateTest}.)
 */
class LiquidationEstimatorTest {
  private static final MarginFunction SOL_MMF = new MarginFunction("sqrt", dec("0.0135"), dec("0.000036"));
  private static final MarginFunction BORROW_MMF = new MarginFunction("sqrt", dec("0.1"), dec("0.000036"));
  private static final BigDecimal TICK = dec("0.01");

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static CollateralAsset sol(String quantity) {
    return new CollateralAsset("SOL", dec("100"), dec(quantity), null, dec("0.85"), null, null, null, null);
  }

  private static BorrowLendPosition borrow(String symbol, String quantity) {
    return new BorrowLendPosition("1", symbol, dec(quantity).negate(), symbol.equals("USDC") ? BigDecimal.ONE : dec("100"),
        null, null, null, null, null, null, BORROW_MMF, null);
  }

  private static BigDecimal liquidation(List<CollateralAsset> collateral, String quantity, List<BorrowLendPosition> borrows) {
    return LiquidationEstimator.of("SOL", dec("1000"), BigDecimal.ZERO, collateral, List.<Position>of(), "SOL_USDC_PERP",
        dec(quantity), dec("100"), SOL_MMF, borrows, symbol -> symbol.substring(0, symbol.indexOf('_'))).price(dec("100"), TICK);
  }

  @Test
  void aLongAgainstUsdcAloneFallsToWhereEquityMeetsMaintenance() {
    // 20 SOL long at 100 with 1000 of equity and a 100 USDC borrow (maintenance 10, fixed):
    // 1000 + 2000 (r - 1) = 0.0135 × 2000 r + 10  =>  r = 1010 / 1973, P = 51.191...; firing tick 51.19.
    assertThat(liquidation(List.of(), "20", List.of(borrow("USDC", "100")))).isEqualByComparingTo("51.19");
  }

  @Test
  void sameAssetCollateralFallingWithTheLongBringsTheLiquidationCloser() {
    // 10 SOL held as collateral (weight 0.85) fall with the long: the slope is 850 + 2000.
    // 1000 + 2850 (r - 1) = 27 r + 10  =>  r = 1860 / 2823, P = 65.887...; firing tick 65.88.
    assertThat(liquidation(List.of(sol("10")), "20", List.of(borrow("USDC", "100")))).isEqualByComparingTo("65.88");
  }

  @Test
  void aBorrowOfTheSameAssetShrinksAsThePriceFalls() {
    // 5 SOL borrowed: its liability (500 r) and maintenance (0.1 × 500 r) move too.
    // 1000 + (850 + 2000 - 500)(r - 1) = 27 r + 50 r + 10  =>  r = 1360 / 2273, P = 59.833...
    assertThat(liquidation(List.of(sol("10")), "20", List.of(borrow("USDC", "100"), borrow("SOL", "5"))))
        .isEqualByComparingTo("59.83");
  }

  @Test
  void aShortIsLiquidatedAboveTheMarkOnTheFirstTickWhereTheRuleFires() {
    // 1000 - 2000 (r - 1) = 27 r + 10  =>  r = 2990 / 2027, P = 147.5086...; rising, it fires at 147.51.
    assertThat(liquidation(List.of(), "-20", List.of(borrow("USDC", "100")))).isEqualByComparingTo("147.51");
  }

  @Test
  void anAccountAlreadyBelowMaintenanceIsLiquidatedAtTheMarkAndOneThatCannotBeHasNoPrice() {
    assertThat(LiquidationEstimator.of("SOL", dec("5"), BigDecimal.ZERO, List.of(), List.of(), "SOL_USDC_PERP", dec("20"),
        dec("100"), SOL_MMF, List.of(), s -> "SOL").price(dec("100"), TICK)).isEqualByComparingTo("100");
    // A 1 SOL long with 10000 of equity: even at a price of zero equity stays above maintenance.
    assertThat(LiquidationEstimator.of("SOL", dec("10000"), BigDecimal.ZERO, List.of(), List.of(), "SOL_USDC_PERP",
        dec("1"), dec("100"), SOL_MMF, List.of(), s -> "SOL").price(dec("100"), TICK)).isNull();
  }
}
