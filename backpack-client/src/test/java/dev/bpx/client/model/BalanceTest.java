package dev.bpx.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BalanceTest {

  @Test
  void totalAddsAvailableLockedStakedAndLentExactly() {
    Balance b =
        new Balance(
            "USDC", new BigDecimal("46.157501635"), new BigDecimal("1.5"), BigDecimal.ZERO,
            new BigDecimal("10.6524044577"));

    assertThat(b.total()).isEqualByComparingTo("58.3099060927");
  }

  @Test
  void totalCountsNullComponentsAsZero() {
    Balance onlyLent = new Balance("USDC", null, null, null, new BigDecimal("0.00001"));

    assertThat(onlyLent.total()).isEqualByComparingTo("0.00001");
    assertThat(new Balance("X", null, null, null, null).total()).isEqualByComparingTo("0");
  }

  @Test
  void ofCombinesACapitalEntryWithTheLentQuantity() {
    CapitalBalance capital =
        new CapitalBalance(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"));

    Balance b = Balance.of("SOL", capital, new BigDecimal("4"));

    assertThat(b).isEqualTo(new Balance("SOL", new BigDecimal("1"), new BigDecimal("2"),
        new BigDecimal("3"), new BigDecimal("4")));
    assertThat(b.total()).isEqualByComparingTo("10");
  }

  @Test
  void aBorrowShowsBesideLentAndIsNotSubtractedFromTheTotal() {
    CapitalBalance capital = new CapitalBalance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Balance b = Balance.of("USDC", capital, BigDecimal.ZERO, new BigDecimal("512.25"));

    assertThat(b.borrowed()).isEqualByComparingTo("512.25");
    assertThat(b.hasDebt()).isTrue();
    assertThat(b.total()).isEqualByComparingTo("0");
    assertThat(Balance.of("USDC", capital, BigDecimal.ONE).borrowed()).as("not reported").isNull();
    assertThat(Balance.of("USDC", capital, BigDecimal.ONE).hasDebt()).isFalse();
  }

  @Test
  void ofWithoutCapitalEntryKeepsCapitalAmountsNull() {
    Balance b = Balance.of("USDC", null, new BigDecimal("10.65"));

    assertThat(b.available()).isNull();
    assertThat(b.locked()).isNull();
    assertThat(b.staked()).isNull();
    assertThat(b.lent()).isEqualByComparingTo("10.65");
  }

  @Test
  void decodesFromJsonWithAbsentFieldsNullAndUnknownFieldsIgnored() {
    String json = "{\"asset\":\"USDC\",\"available\":\"1\",\"lent\":\"2\"}";

    Balance b = ModelJson.parse(Balance.class, ModelJson.withUnknownFields(json));

    assertThat(b.asset()).isEqualTo("USDC");
    assertThat(b.available()).isEqualByComparingTo("1");
    assertThat(b.lent()).isEqualByComparingTo("2");
    assertThat(b.locked()).isNull();
    assertThat(b.staked()).isNull();
  }
}
