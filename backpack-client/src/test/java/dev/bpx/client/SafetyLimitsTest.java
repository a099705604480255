package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyLimitsTest {
  private static final OrderRequest SOL_BUY =
      OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("2"), new BigDecimal("150")).build();
  private static final OrderRequest BTC_BUY =
      OrderRequest.limit("BTC_USDC", Side.BID, new BigDecimal("0.001"), new BigDecimal("90000")).build();

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void reduceOnlyOrdersPassWhateverTheSymbolAndNotional() {
    SafetyLimits limits = SafetyLimits.of(dec("1"), Set.of("BTC_USDC"));
    OrderRequest reduce = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("100")).reduceOnly(true).build();
    OrderRequest open = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("100")).build();

    assertThat(limits.problem(reduce, dec("15000"))).isNull();
    assertThat(limits.problem(reduce, null)).isNull();
    assertThat(limits.problem(open, dec("15000"))).isNotNull();
  }

  @Test
  void noneAllowsEverySymbolAndAnyNotional() {
    SafetyLimits none = SafetyLimits.none();

    assertThat(none.allowsSymbol("SOL_USDC")).isTrue();
    assertThat(none.allowsSymbol("ANYTHING_ELSE_PERP")).isTrue();
    assertThat(none.limitsNotional()).isFalse();
    assertThat(none.problem(SOL_BUY, dec("1000000000000"))).isNull();
    assertThat(none.problem(SOL_BUY, null)).as("no notional limit, so an unknown notional is fine").isNull();
    assertThatCode(() -> none.check(BTC_BUY, dec("1E+30"))).doesNotThrowAnyException();
    assertThat(none.maxOrderNotional()).isNull();
    assertThat(none.allowedSymbols()).isEmpty();
  }

  @Test
  void anEmptyAllowListAllowsEverySymbol() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of());

    assertThat(limits.allowsSymbol("BTC_USDC")).isTrue();
    assertThat(limits.problem(BTC_BUY, dec("90"))).isNull();
  }

  @Test
  void symbolsOutsideTheAllowListAreRefusedWithTheListAndHowToChangeIt() {
    SafetyLimits limits = SafetyLimits.of(null, Set.of("SOL_USDC"));

    String problem = limits.problem(BTC_BUY, dec("90"));

    assertThat(problem)
        .contains("BTC_USDC")
        .contains("not allowed")
        .contains("allowed: SOL_USDC")
        .contains("BACKPACK_ALLOWED_SYMBOLS");
    assertThat(limits.problem(SOL_BUY, dec("300"))).isNull();
  }

  @Test
  void theAllowListIgnoresCaseAndSurroundingSpacesOnBothSides() {
    SafetyLimits limits = SafetyLimits.of(null, Set.of(" sol_usdc ", "Sol_Usdc_Perp"));

    assertThat(limits.allowedSymbols()).containsExactlyInAnyOrder("SOL_USDC", "SOL_USDC_PERP");
    assertThat(limits.allowsSymbol("SOL_USDC")).isTrue();
    assertThat(limits.allowsSymbol("sol_usdc")).isTrue();
    assertThat(limits.allowsSymbol("sOl_UsDc_pErP")).isTrue();
    assertThat(limits.allowsSymbol("BTC_USDC")).isFalse();
    assertThat(limits.allowsSymbol("SOL_USD")).as("no prefix matching").isFalse();
  }

  @Test
  void theAllowListIsCopiedAndCannotBeChangedAfterwards() {
    Set<String> symbols = new HashSet<>(Set.of("SOL_USDC"));
    SafetyLimits limits = SafetyLimits.of(null, symbols);

    symbols.add("BTC_USDC");

    assertThat(limits.allowsSymbol("BTC_USDC")).isFalse();
    assertThatThrownBy(() -> limits.allowedSymbols().add("BTC_USDC")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNotionalAboveTheMaximumIsRefusedSayingWhatToChange() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of());

    String problem = limits.problem(SOL_BUY, dec("500.01"));

    assertThat(problem)
        .contains("500.01")
        .contains("exceeds the max order notional 500")
        .contains("reduce the quantity")
        .contains("BACKPACK_MAX_ORDER_NOTIONAL");
  }

  @Test
  void aNotionalExactlyAtTheMaximumIsAllowedWhateverItsScale() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of());

    assertThat(limits.problem(SOL_BUY, dec("500"))).isNull();
    assertThat(limits.problem(SOL_BUY, dec("500.0000"))).isNull();
    assertThat(limits.problem(SOL_BUY, dec("5E+2"))).isNull();
  }

  @Test
  void aNotionalBelowTheMaximumIsAllowed() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of("SOL_USDC"));

    assertThat(limits.problem(SOL_BUY, dec("499.99"))).isNull();
    assertThatCode(() -> limits.check(SOL_BUY, dec("300"))).doesNotThrowAnyException();
  }

  @Test
  void aMaximumWithManyDecimalsIsComparedExactly() {
    SafetyLimits limits = SafetyLimits.of(dec("100.000001"), Set.of());

    assertThat(limits.problem(SOL_BUY, dec("100.000001"))).isNull();
    assertThat(limits.problem(SOL_BUY, dec("100.0000011"))).isNotNull();
  }

  @Test
  void anUnknownNotionalIsRefusedWhenANotionalLimitIsSet() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of());

    assertThat(limits.problem(SOL_BUY, null))
        .contains("cannot be estimated")
        .contains("500")
        .contains("use a limit order");
  }

  @Test
  void theSymbolIsReportedBeforeTheNotional() {
    SafetyLimits limits = SafetyLimits.of(dec("10"), Set.of("SOL_USDC"));

    assertThat(limits.problem(BTC_BUY, dec("90"))).contains("not allowed").doesNotContain("exceeds");
  }

  @Test
  void checkThrowsAValidationExceptionSayingNothingWasSent() {
    SafetyLimits limits = SafetyLimits.of(dec("500"), Set.of());

    assertThatThrownBy(() -> limits.check(SOL_BUY, dec("600")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.violations().get(0).reason()).contains("exceeds the max order notional 500");
          assertThat(e.violations().get(0).fix()).contains("nothing was sent");
        });
  }

  @Test
  void aZeroOrNegativeMaximumIsRejected() {
    assertThatThrownBy(() -> SafetyLimits.of(BigDecimal.ZERO, Set.of()))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("maxOrderNotional"))
        .hasMessageContaining("must be positive")
        .hasMessageContaining("use null for no limit");
    assertThatThrownBy(() -> SafetyLimits.of(dec("0.000"), Set.of())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SafetyLimits.of(dec("-1"), Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void aNullAllowListMeansAllSymbols() {
    SafetyLimits limits = new SafetyLimits(dec("1"), null);

    assertThat(limits.allowedSymbols()).isEmpty();
    assertThat(limits.allowsSymbol("BTC_USDC")).isTrue();
  }

  @Test
  void aBlankOrNullSymbolInTheAllowListIsRejected() {
    // A blank entry would make the list non-empty while matching nothing: every order refused with
    // "allowed: " and no hint why. A null entry must not surface as a NullPointerException.
    Set<String> withNull = new HashSet<>();
    withNull.add("SOL_USDC");
    withNull.add(null);

    assertThatThrownBy(() -> SafetyLimits.of(null, Set.of("SOL_USDC", " ")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("allowedSymbols"));
    assertThatThrownBy(() -> SafetyLimits.of(null, withNull))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("allowedSymbols"));
  }

  @Test
  void toStringNamesTheLimitsReadably() {
    assertThat(SafetyLimits.none()).hasToString("SafetyLimits[maxOrderNotional=none, allowedSymbols=all]");
    assertThat(SafetyLimits.of(dec("500"), Set.of("sol_usdc")))
        .hasToString("SafetyLimits[maxOrderNotional=500, allowedSymbols=[SOL_USDC]]");
  }
}
