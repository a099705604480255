package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConfirmationPolicyTest {
  private static final OrderRequest BUY = OrderRequest.limit("SOL_USDC", Side.BID, dec("2"), dec("150")).build();
  private static final OrderRequest REDUCE =
      OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("100")).reduceOnly(true).build();

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void alwaysConfirmsEveryOrderThatCanAddExposureWhateverItsNotional() {
    ConfirmationPolicy always = ConfirmationPolicy.parse("always");

    assertThat(always.requires(BUY, dec("0.01"))).isTrue();
    assertThat(always.requires(BUY, null)).isTrue();
  }

  @Test
  void neverConfirmsNothing() {
    ConfirmationPolicy never = ConfirmationPolicy.parse("never");

    assertThat(never.asks()).isFalse();
    assertThat(never.requires(BUY, dec("1000000"))).isFalse();
    assertThat(never.requires(BUY, null)).isFalse();
  }

  @Test
  void reduceOnlyOrdersAreNeverConfirmedWhateverThePolicy() {
    for (String setting : new String[] {"always", "never", "above:1"}) {
      ConfirmationPolicy policy = ConfirmationPolicy.parse(setting);
      assertThat(policy.covers(REDUCE)).as(setting).isFalse();
      assertThat(policy.requires(REDUCE, dec("15000"))).as(setting).isFalse();
      assertThat(policy.requires(REDUCE, null)).as(setting).isFalse();
    }
  }

  @Test
  void aboveConfirmsOnlyANotionalStrictlyAboveTheFigure() {
    ConfirmationPolicy above = ConfirmationPolicy.parse("above:300");

    assertThat(above.requires(BUY, dec("299.99"))).isFalse();
    assertThat(above.requires(BUY, dec("300.0000"))).isFalse();
    assertThat(above.requires(BUY, dec("300.01"))).isTrue();
  }

  @Test
  void aboveConfirmsAnOrderWhoseNotionalCannotBeEstimated() {
    assertThat(ConfirmationPolicy.parse("above:300").requires(BUY, null)).isTrue();
  }

  @Test
  void parsingAcceptsCaseSpacesAndDigitSeparatorsAndPrintsTheSettingBack() {
    assertThat(ConfirmationPolicy.parse(" ALWAYS ")).isEqualTo(ConfirmationPolicy.always());
    assertThat(ConfirmationPolicy.parse("Never")).isEqualTo(ConfirmationPolicy.never());
    ConfirmationPolicy above = ConfirmationPolicy.parse("above: 1_000.50");
    assertThat(above.mode()).isEqualTo(ConfirmationPolicy.Mode.ABOVE);
    assertThat(above.aboveNotional()).isEqualByComparingTo("1000.5");
    assertThat(above).hasToString("above:1000.5");
    assertThat(ConfirmationPolicy.always()).hasToString("always");
  }

  @Test
  void malformedSettingsAreRefusedNamingTheTextAndTheAcceptedForms() {
    for (String bad : new String[] {"", "yes", "true", "above", "above:", "above:abc", "above:-5", "above:0", "over:500", "always,above:5"}) {
      assertThatThrownBy(() -> ConfirmationPolicy.parse(bad)).as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("always, never, or above:<notional>");
    }
  }

  @Test
  void aFigureIsRequiredExactlyForAbove() {
    assertThatThrownBy(() -> new ConfirmationPolicy(ConfirmationPolicy.Mode.ALWAYS, dec("5"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new ConfirmationPolicy(ConfirmationPolicy.Mode.ABOVE, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ConfirmationPolicy.above(dec("-1"))).isInstanceOf(ValidationException.class);
  }
}
