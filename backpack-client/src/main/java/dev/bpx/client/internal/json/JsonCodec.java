package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import dev.bpx.client.model.BorrowLendBookState;
import dev.bpx.client.model.OrderUpdateOrigin;
import dev.bpx.client.model.RfqStatus;
import dev.bpx.client.model.BorrowLendEventType;
import dev.bpx.client.model.BorrowLendSide;
import dev.bpx.client.model.BorrowLendSource;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.CapitalBalance;
import dev.bpx.client.model.ExchangeStatus;
import dev.bpx.client.model.FillType;
import dev.bpx.client.model.InterestPaymentSource;
import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.KlinePriceType;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OrderBookState;
import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.PaymentType;
import dev.bpx.client.model.PositionState;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.SettlementSource;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SlippageToleranceType;
import dev.bpx.client.model.SortDirection;
import dev.bpx.client.model.SystemOrderType;
import dev.bpx.client.model.TickerInterval;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import dev.bpx.client.model.WireEnum;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one {@link Moshi} the client uses for every Backpack response, with all adapters
 * registered: {@link BigDecimalAdapter}, the four {@link TimestampAdapters} (selected by the
 * {@link EpochMillis}, {@link EpochMicros}, {@link NaiveUtc} and {@link KlineTime} qualifiers),
 * {@link LongAsStringAdapter}, {@link PriceLevelAdapter}, {@link BatchOrderResultAdapter} and an
 * unknown-tolerant adapter for every wire enum.
 *
 * <p>Records use Moshi's built-in record adapter: unknown fields are skipped, absent fields are
 * {@code null}. Enums decode unknown text to {@code UNKNOWN} ({@link
 * EnumJsonAdapter#withUnknownFallback}). {@code Instant} components <em>must</em> carry a
 * qualifier; there is deliberately no default {@code Instant} adapter. See {@code
 * backpack-api.md} section 8.
 *
 * <p>Thread-safe: the returned {@code Moshi} and its adapters are immutable and meant to be built
 * once per client and shared (style guide B8), never held in a static field.
 */
public final class JsonCodec {

  /** Every wire enum of {@code dev.bpx.client.model}; each must end with {@code UNKNOWN}. */
  static final List<Class<? extends Enum<?>>> WIRE_ENUMS =
      List.of(
          Side.class,
          OrderType.class,
          TimeInForce.class,
          SelfTradePrevention.class,
          OrderStatus.class,
          MarketType.class,
          OrderBookState.class,
          TriggerBy.class,
          SlippageToleranceType.class,
          OrderExpiryReason.class,
          SystemOrderType.class,
          FillType.class,
          KlineInterval.class,
          KlinePriceType.class,
          TickerInterval.class,
          SortDirection.class,
          BorrowLendSide.class,
          BorrowLendEventType.class,
          BorrowLendSource.class,
          PositionState.class,
          PaymentType.class,
          InterestPaymentSource.class,
          SettlementSource.class,
          ExchangeStatus.class,
          CancelOrderType.class,
          BorrowLendBookState.class,
          OrderUpdateOrigin.class,
          RfqStatus.class);

  private static final Type CAPITAL_BALANCES =
      Types.newParameterizedType(Map.class, String.class, CapitalBalance.class);

  private JsonCodec() {}

  /**
   * Returns a new {@link Moshi} with every Backpack adapter registered. Build one per client and
   * share it.
   *
   * @return the configured instance
   */
  public static Moshi newMoshi() {
    Moshi.Builder builder =
        new Moshi.Builder()
            .add(BigDecimal.class, new BigDecimalAdapter())
            .add(Instant.class, EpochMillis.class, TimestampAdapters.epochMillis())
            .add(Instant.class, EpochMicros.class, TimestampAdapters.epochMicros())
            .add(Instant.class, NaiveUtc.class, TimestampAdapters.naiveUtc())
            .add(Instant.class, KlineTime.class, TimestampAdapters.klineTime())
            .add(Long.class, LongAsString.class, new LongAsStringAdapter())
            .add(PriceLevel.class, new PriceLevelAdapter())
            .add(BatchOrderResultAdapter.FACTORY);
    for (Class<? extends Enum<?>> type : WIRE_ENUMS) {
      addWireEnum(builder, type);
    }
    return builder.build();
  }

  /**
   * Returns the type of the {@code GET /api/v1/capital} body, an object keyed by asset symbol:
   * {@code Map<String, CapitalBalance>}.
   *
   * @return the parameterized type
   */
  public static Type capitalBalancesType() {
    return CAPITAL_BALANCES;
  }

  /**
   * Returns an adapter for the {@code GET /api/v1/capital} body, {@code
   * {"USDC":{"available":"46.15","locked":"0","staked":"0"},…}}. The decoded map is unmodifiable
   * and keeps the wire's key order; a JSON {@code null} body decodes to {@code null}.
   *
   * @param moshi an instance from {@link #newMoshi()}
   * @return the adapter
   */
  public static JsonAdapter<Map<String, CapitalBalance>> capitalBalancesAdapter(Moshi moshi) {
    JsonAdapter<Map<String, CapitalBalance>> delegate = moshi.adapter(CAPITAL_BALANCES);
    return new JsonAdapter<Map<String, CapitalBalance>>() {
      @Override
      public Map<String, CapitalBalance> fromJson(JsonReader reader) throws IOException {
        Map<String, CapitalBalance> decoded = delegate.fromJson(reader);
        return decoded == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(decoded));
      }

      @Override
      public void toJson(JsonWriter writer, Map<String, CapitalBalance> value) throws IOException {
        delegate.toJson(writer, value);
      }

      @Override
      public String toString() {
        return "JsonAdapter(Map<String, CapitalBalance>)";
      }
    };
  }

  /**
   * Returns an adapter for a JSON array of {@code elementType}, e.g. {@code GET /api/v1/markets},
   * {@code /markPrices} or {@code /openInterest} (always arrays). The decoded list is unmodifiable.
   *
   * @param moshi an instance from {@link #newMoshi()}
   * @param elementType the record type of one element
   * @param <T> the element type
   * @return the adapter
   */
  public static <T> JsonAdapter<List<T>> listAdapter(Moshi moshi, Class<T> elementType) {
    JsonAdapter<List<T>> delegate =
        moshi.adapter(Types.newParameterizedType(List.class, elementType));
    return new JsonAdapter<List<T>>() {
      @Override
      public List<T> fromJson(JsonReader reader) throws IOException {
        List<T> decoded = delegate.fromJson(reader);
        return decoded == null ? null : Collections.unmodifiableList(decoded);
      }

      @Override
      public void toJson(JsonWriter writer, List<T> value) throws IOException {
        delegate.toJson(writer, value);
      }

      @Override
      public String toString() {
        return "JsonAdapter(List<" + elementType.getSimpleName() + ">)";
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addWireEnum(Moshi.Builder builder, Class<? extends Enum<?>> type) {
    addWireEnumTyped(builder, (Class) type);
  }

  private static <E extends Enum<E> & WireEnum> void addWireEnumTyped(
      Moshi.Builder builder, Class<E> type) {
    E unknown = Enum.valueOf(type, "UNKNOWN");
    builder.add(type, EnumJsonAdapter.create(type).withUnknownFallback(unknown).nullSafe());
  }
}
