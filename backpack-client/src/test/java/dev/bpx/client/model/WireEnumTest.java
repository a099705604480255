package dev.bpx.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every wire enum: each wire value decodes, an invented value becomes UNKNOWN. */
class WireEnumTest {

  static final Class<?>[] ENUMS = {
    Side.class, OrderType.class, TimeInForce.class, SelfTradePrevention.class, OrderStatus.class,
    MarketType.class, OrderBookState.class, TriggerBy.class, SlippageToleranceType.class,
    OrderExpiryReason.class, SystemOrderType.class, FillType.class, KlineInterval.class,
    KlinePriceType.class, TickerInterval.class, SortDirection.class, BorrowLendSide.class,
    BorrowLendEventType.class, BorrowLendSource.class, PositionState.class, PaymentType.class,
    InterestPaymentSource.class, SettlementSource.class, ExchangeStatus.class,
    CancelOrderType.class, BorrowLendBookState.class, OrderUpdateOrigin.class, RfqStatus.class
  };

  static Stream<Class<?>> enums() {
    return Arrays.stream(ENUMS);
  }

  static Stream<Arguments> knownConstants() {
    return enums()
        .flatMap(
            type ->
                Arrays.stream(type.getEnumConstants())
                    .map(c -> (Enum<?>) c)
                    .filter(c -> !c.name().equals("UNKNOWN"))
                    .map(c -> Arguments.of(type.getSimpleName(), c)));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("knownConstants")
  void eachWireValueDecodesToItsConstant(String enumName, Enum<?> constant) {
    String wire = ((WireEnum) constant).wireValue();

    assertThat(ModelJson.parse(constant.getDeclaringClass(), "\"" + wire + "\"")).isSameAs(constant);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("knownConstants")
  void jsonNameAnnotationMatchesWireValue(String enumName, Enum<?> constant) throws Exception {
    Json json = constant.getDeclaringClass().getField(constant.name()).getAnnotation(Json.class);

    assertThat(json).isNotNull();
    assertThat(json.name()).isEqualTo(((WireEnum) constant).wireValue());
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("knownConstants")
  void fromWireFindsEachConstantAndWritingUsesTheWireSpelling(String enumName, Enum<?> constant)
      throws Exception {
    String wire = ((WireEnum) constant).wireValue();

    assertThat(fromWire(constant.getDeclaringClass(), wire)).isSameAs(constant);
    @SuppressWarnings("unchecked")
    Class<Object> type = (Class<Object>) (Class<?>) constant.getDeclaringClass();
    assertThat(ModelJson.write(type, constant)).isEqualTo("\"" + wire + "\"");
  }

  @ParameterizedTest
  @MethodSource("enums")
  void inventedValueDecodesToUnknown(Class<?> type) {
    assertThat(((Enum<?>) ModelJson.parse(type, "\"Frobnicated2031\"")).name()).isEqualTo("UNKNOWN");
  }

  @ParameterizedTest
  @MethodSource("enums")
  void wireCaseMattersSoAWronglyCasedValueIsUnknown(Class<?> type) {
    String wire = ((WireEnum) type.getEnumConstants()[0]).wireValue();
    String flipped = wire.equals(wire.toUpperCase()) ? wire.toLowerCase() : wire.toUpperCase();

    assertThat(((Enum<?>) ModelJson.parse(type, "\"" + flipped + "\"")).name()).isEqualTo("UNKNOWN");
  }

  @ParameterizedTest
  @MethodSource("enums")
  void nullDecodesToNull(Class<?> type) {
    assertThat(ModelJson.parse(type, "null")).isNull();
  }

  @ParameterizedTest
  @MethodSource("enums")
  void fromWireMapsUnknownAndNullToUnknown(Class<?> type) throws Exception {
    assertThat(((Enum<?>) fromWire(type, "Frobnicated2031")).name()).isEqualTo("UNKNOWN");
    assertThat(((Enum<?>) fromWire(type, null)).name()).isEqualTo("UNKNOWN");
  }

  @ParameterizedTest
  @MethodSource("enums")
  void unknownHasNoWireValue(Class<?> type) {
    WireEnum unknown = (WireEnum) fromWireUnchecked(type, "nope");

    assertThatThrownBy(unknown::wireValue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(type.getSimpleName() + ".UNKNOWN");
  }

  @ParameterizedTest
  @MethodSource("enums")
  void unknownIsTheLastConstant(Class<?> type) {
    Object[] constants = type.getEnumConstants();

    assertThat(((Enum<?>) constants[constants.length - 1]).name()).isEqualTo("UNKNOWN");
  }

  @Test
  void orderStatusAcceptsTriggeredFromTheRustClientAndTriggerFailedFromTheSpec() {
    assertThat(OrderStatus.fromWire("Triggered")).isEqualTo(OrderStatus.TRIGGERED);
    assertThat(OrderStatus.fromWire("TriggerFailed")).isEqualTo(OrderStatus.TRIGGER_FAILED);
  }

  @Test
  void orderExpiryReasonKeepsTheExchangesOwnUnknownApartFromSdkUnknown() {
    assertThat(ModelJson.parse(OrderExpiryReason.class, "\"Unknown\""))
        .isEqualTo(OrderExpiryReason.UNKNOWN_REASON);
    assertThat(OrderExpiryReason.UNKNOWN_REASON.wireValue()).isEqualTo("Unknown");
  }

  @Test
  void klineIntervalsUseReadableJavaNamesAndLowercaseWireValues() {
    assertThat(KlineInterval.ONE_MINUTE.wireValue()).isEqualTo("1m");
    assertThat(KlineInterval.ONE_MONTH.wireValue()).isEqualTo("1month");
    assertThat(KlineInterval.fromWire("1M")).isEqualTo(KlineInterval.UNKNOWN);
    assertThat(KlineInterval.values()).hasSize(17);
  }

  @Test
  void selfTradePreventionAllowFromTheRustClientIsUnknown() {
    assertThat(SelfTradePrevention.fromWire("Allow")).isEqualTo(SelfTradePrevention.UNKNOWN);
  }

  @Test
  void marketTypeSpellingsAreUppercase() {
    assertThat(MarketType.fromWire("PERP")).isEqualTo(MarketType.PERP);
    assertThat(MarketType.fromWire("Perp")).isEqualTo(MarketType.UNKNOWN);
  }

  @Test
  void onlyTheLiquidatePositionSystemOrdersAreLiquidations() {
    assertThat(Arrays.stream(SystemOrderType.values()).filter(SystemOrderType::isLiquidation))
        .containsExactlyInAnyOrder(SystemOrderType.LIQUIDATE_POSITION_ON_BOOK,
            SystemOrderType.LIQUIDATE_POSITION_ON_BACKSTOP, SystemOrderType.LIQUIDATE_POSITION_ON_ADL);
    assertThat(SystemOrderType.fromWire("LiquidatePositionOnBackstop").isLiquidation()).isTrue();
  }

  private static Object fromWire(Class<?> type, String wire) throws Exception {
    return type.getMethod("fromWire", String.class).invoke(null, wire);
  }

  private static Object fromWireUnchecked(Class<?> type, String wire) {
    try {
      return fromWire(type, wire);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
