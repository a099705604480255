package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolArgsTest {
  private static final List<String> NAMES = List.of("symbol", "quantity", "side", "flag", "limit", "text");

  private static ToolArgs args(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return new ToolArgs(values, NAMES);
  }

  @Test
  void onlyAGivenArgumentReachesTheBuilder() {
    List<Object> set = new java.util.ArrayList<>();
    ToolArgs a = args("flag", false, "text", "null");
    assertThat(ToolArgs.setIfGiven(a.optionalBoolean("flag"), set::add)).isTrue();
    assertThat(ToolArgs.setIfGiven(a.optionalString("text"), set::add)).isFalse(); // "null" reads as absent
    assertThat(ToolArgs.setIfGiven(a.optionalDecimal("quantity"), set::add)).isFalse();
    assertThat(set).containsExactly(false);
  }

  @Test
  void decimalStringsParseExactly() {
    assertThat(args("quantity", "0.1").decimal("quantity")).isEqualTo(new BigDecimal("0.1"));
    assertThat(args("quantity", "142.10").decimal("quantity")).isEqualTo(new BigDecimal("142.10")).hasScaleOf(2);
    assertThat(args("quantity", " 5 ").decimal("quantity")).isEqualByComparingTo("5");
    assertThat(args("quantity", "123456789012345678901234567890.000000000000000001").decimal("quantity"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890.000000000000000001"));
  }

  @Test
  void jsonNumbersWhoseDecimalValueIsCertainAreAcceptedExactly() {
    assertThat(args("quantity", 0.5).decimal("quantity")).isEqualByComparingTo("0.5");
    assertThat(args("quantity", 0.1).decimal("quantity")).isEqualTo(new BigDecimal("0.1"));
    assertThat(args("quantity", 105423.3366).decimal("quantity")).isEqualTo(new BigDecimal("105423.3366"));
    assertThat(args("quantity", 1e-7).decimal("quantity")).isEqualTo(new BigDecimal("1E-7"));
    assertThat(args("quantity", 100.0).decimal("quantity")).isEqualByComparingTo("100");
    assertThat(args("quantity", 0.123456789012345).decimal("quantity")).isEqualTo(new BigDecimal("0.123456789012345"));
    assertThat(args("quantity", 5).decimal("quantity")).isEqualTo(new BigDecimal("5"));
    assertThat(args("quantity", 5L).decimal("quantity")).isEqualTo(new BigDecimal("5"));
    assertThat(args("quantity", new BigInteger("123456789012345678901234567890")).decimal("quantity"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(args("quantity", new BigDecimal("2.50")).decimal("quantity")).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void jsonNumbersWithMoreDigitsThanADoubleCarriesAreRefusedWithTheStringToSend() {
    for (double number : List.of(0.1 + 0.2, 0.1234567890123456, 1.0 / 3)) {
      assertThatThrownBy(() -> args("quantity", number).optionalDecimal("quantity"))
          .isInstanceOf(ToolInputException.class)
          .hasMessageContainingAll("'quantity'", "JSON number " + number, "decimal string",
              "\"quantity\": \"" + new BigDecimal(Double.toString(number)).toPlainString() + "\"");
    }
    assertThatThrownBy(() -> args("quantity", Double.NaN).optionalDecimal("quantity")).isInstanceOf(ToolInputException.class);
  }

  @Test
  void negativeJsonNumbersAreRefusedLikeNegativeStrings() {
    assertThatThrownBy(() -> args("quantity", -0.5).optionalDecimal("quantity"))
        .isInstanceOf(ToolInputException.class).hasMessageContainingAll("'-0.5'", "plain positive decimal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", "1e3", "1,000", "1.", ".5", "0x10", "1 USDC", "NaN", "Infinity", "1.2.3", "１"})
  void decimalsOutsideThePatternAreRefused(String text) {
    assertThatThrownBy(() -> args("quantity", text).optionalDecimal("quantity"))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContainingAll("'quantity'", "plain positive decimal");
  }

  @Test
  void decimalSchemaPatternAgreesWithTheParser() {
    // The pattern the assistant reads is the one the handler enforces.
    assertThat(Schemas.decimal("x")).containsEntry("pattern", ToolArgs.DECIMAL_PATTERN);
    assertThat("1.50".matches(ToolArgs.DECIMAL_PATTERN)).isTrue();
    assertThat("1e5".matches(ToolArgs.DECIMAL_PATTERN)).isFalse();
  }

  @Test
  void requiredDecimalSaysHowToSendIt() {
    assertThatThrownBy(() -> args().decimal("quantity"))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContainingAll("'quantity' is required", "\"0.5\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null", " null "})
  void emptyAndNullStringsAreAbsent(String text) {
    ToolArgs a = args("quantity", text, "symbol", text, "side", text, "flag", text, "text", text);
    assertThat(a.optionalDecimal("quantity")).isNull();
    assertThat(a.optionalSymbol("symbol")).isNull();
    assertThat(a.optionalString("text")).isNull();
    assertThat(a.optionalEnum("side", Side::fromWire, List.of("Bid", "Ask"))).isNull();
    assertThat(a.has("text")).isEqualTo(!text.isBlank());
    assertThatThrownBy(() -> a.string("text")).isInstanceOf(ToolInputException.class).hasMessageContaining("'text' is required");
    assertThatThrownBy(() -> a.symbol("symbol")).isInstanceOf(ToolInputException.class).hasMessageContaining("required");
  }

  @Test
  void jsonNullIsAbsent() {
    ToolArgs a = args("quantity", null, "symbol", null, "flag", null, "limit", null);
    assertThat(a.optionalDecimal("quantity")).isNull();
    assertThat(a.optionalSymbol("symbol")).isNull();
    assertThat(a.optionalBoolean("flag")).isNull();
    assertThat(a.optionalLong("limit", 1, 10)).isNull();
    assertThat(a.flag("flag", true)).isTrue();
  }

  @Test
  void unknownArgumentNamesAreRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> new ToolArgs(Map.of("reduce_only", true), List.of("symbol", "reduceOnly")))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContainingAll("unknown argument 'reduce_only'", "symbol, reduceOnly");
    assertThatThrownBy(() -> new ToolArgs(Map.of("x", 1), List.of()))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("takes no arguments");
    assertThat(new ToolArgs(null, List.of()).has("x")).isFalse();
  }

  @Test
  void symbolsFollowThePatternAndAreUpperCased() {
    assertThat(args("symbol", "sol_usdc").symbol("symbol")).isEqualTo("SOL_USDC");
    assertThat(args("symbol", "BTC_USDC_PERP").symbol("symbol")).isEqualTo("BTC_USDC_PERP");
    for (String bad : List.of("SOL", "SOL/USDC", "SOL-USDC", "_SOL_USDC", "SOL_USDC_", "SOL USDC")) {
      assertThatThrownBy(() -> args("symbol", bad).symbol("symbol"))
          .isInstanceOf(ToolInputException.class)
          .hasMessageContainingAll("is not a market symbol", "SOL_USDC", "list_markets");
    }
    assertThatThrownBy(() -> args("symbol", 5).symbol("symbol"))
        .isInstanceOf(ToolInputException.class).hasMessageContaining("must be a string");
  }

  @Test
  void enumsAreCaseInsensitiveAndRefuseOtherValues() {
    List<String> sides = List.of("Bid", "Ask");
    assertThat(args("side", "bid").requiredEnum("side", Side::fromWire, sides)).isEqualTo(Side.BID);
    assertThat(args("side", "ASK").requiredEnum("side", Side::fromWire, sides)).isEqualTo(Side.ASK);
    assertThat(args("side", "ioc").optionalEnum("side", TimeInForce::fromWire, List.of("GTC", "IOC", "FOK")))
        .isEqualTo(TimeInForce.IOC);
    assertThatThrownBy(() -> args("side", "Buy").requiredEnum("side", Side::fromWire, sides))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContainingAll("'side' 'Buy' is not one of Bid, Ask");
    assertThatThrownBy(() -> args().requiredEnum("side", Side::fromWire, sides))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContainingAll("'side' is required", "Bid, Ask");
  }

  @Test
  void integersAreCheckedAgainstTheirRange() {
    assertThat(args("limit", 5).optionalLong("limit", 1, 1000)).isEqualTo(5L);
    assertThat(args("limit", 4294967295L).optionalLong("limit", 0, 4294967295L)).isEqualTo(4294967295L);
    assertThat(args("limit", "25").optionalLong("limit", 1, 1000)).isEqualTo(25L);
    assertThatThrownBy(() -> args("limit", 0).optionalLong("limit", 1, 1000))
        .isInstanceOf(ToolInputException.class).hasMessageContainingAll("'limit' must be between 1 and 1000", "got 0");
    assertThatThrownBy(() -> args("limit", 1001).optionalLong("limit", 1, 1000))
        .isInstanceOf(ToolInputException.class).hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> args("limit", new BigInteger("99999999999999999999999")).optionalLong("limit", 1, 1000))
        .isInstanceOf(ToolInputException.class).hasMessageContaining("between 1 and 1000");
    for (Object notWhole : List.of(2.5, "2.5", "ten", true)) {
      assertThatThrownBy(() -> args("limit", notWhole).optionalLong("limit", 1, 1000))
          .isInstanceOf(ToolInputException.class).hasMessageContaining("whole number");
    }
  }

  @Test
  void booleansAcceptTrueFalseInAnyCaseOnly() {
    assertThat(args("flag", true).optionalBoolean("flag")).isTrue();
    assertThat(args("flag", "FALSE").optionalBoolean("flag")).isFalse();
    for (Object bad : List.of("yes", 1, "1")) {
      assertThatThrownBy(() -> args("flag", bad).optionalBoolean("flag"))
          .isInstanceOf(ToolInputException.class).hasMessageContaining("must be true or false");
    }
  }

  @Test
  void nonStringsAreRefusedWhereStringsAreExpected() {
    assertThatThrownBy(() -> args("text", Map.of("a", 1)).optionalString("text"))
        .isInstanceOf(ToolInputException.class).hasMessageContaining("'text' must be a string (got an object)");
    assertThatThrownBy(() -> args("text", List.of(1)).optionalString("text"))
        .isInstanceOf(ToolInputException.class).hasMessageContaining("(got an array)");
  }
}
