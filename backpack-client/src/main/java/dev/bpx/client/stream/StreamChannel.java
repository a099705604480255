package dev.bpx.client.stream;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.stream.ChannelSpec;
import dev.bpx.client.internal.stream.EventDecoders;
import dev.bpx.client.internal.stream.Fields;
import dev.bpx.client.model.KlineInterval;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A typed stream of the Backpack WebSocket API (shared/backpack-asyncapi.yml, {@code channels}): its wire
 * name, its event type and its {@link DeliveryPolicy}. Obtain one from the static factories:
 *
 * <pre>{@code
 * StreamChannel<TradeEvent> trades = StreamChannel.trade("SOL_USDC");          // trade.SOL_USDC
 * StreamChannel<OrderUpdateEvent> orders = StreamChannel.orderUpdates();       // account.orderUpdate (signed)
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 *
 * @param <E> the event type
 */
public final class StreamChannel<E> {
  private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9_]+$");

  private final ChannelSpec<E> spec;

  private StreamChannel(String name, boolean isPrivate, DeliveryPolicy policy, Function<Fields, E> decoder) {
    this.spec = new ChannelSpec<>(name, isPrivate, policy, decoder);
  }

  /** {@code bookTicker.<symbol>}: top of book; conflated. */
  public static StreamChannel<BookTickerEvent> bookTicker(String symbol) {
    return market("bookTicker." + symbol(symbol), DeliveryPolicy.CONFLATE, EventDecoders::bookTicker);
  }

  /** {@code depth.<symbol>}: real-time depth deltas; never dropped (resync on overflow). */
  public static StreamChannel<DepthEvent> depth(String symbol) {
    return market("depth." + symbol(symbol), DeliveryPolicy.RESYNC_ON_OVERFLOW, EventDecoders::depth);
  }

  /** {@code depth.<aggregation>.<symbol>}: depth deltas buffered over 200, 600 or 1000 ms. */
  public static StreamChannel<DepthEvent> depth(DepthAggregation aggregation, String symbol) {
    if (aggregation == null) {
      throw new ValidationException("aggregation", "is required", "use DepthAggregation.MS_200, MS_600 or MS_1000");
    }
    return market("depth." + aggregation.wireValue() + "." + symbol(symbol), DeliveryPolicy.RESYNC_ON_OVERFLOW,
        EventDecoders::depth);
  }

  /** {@code kline.<interval>.<symbol>}: candles; drop-oldest. */
  public static StreamChannel<KlineEvent> kline(KlineInterval interval, String symbol) {
    if (interval == null || interval == KlineInterval.UNKNOWN) {
      throw new ValidationException("interval", "must be a known interval", "use e.g. KlineInterval.ONE_MINUTE");
    }
    return market("kline." + interval.wireValue() + "." + symbol(symbol), DeliveryPolicy.DROP_OLDEST,
        EventDecoders::kline);
  }

  /** {@code liquidation}: every market's liquidations; drop-oldest. */
  public static StreamChannel<LiquidationEvent> liquidation() {
    return market("liquidation", DeliveryPolicy.DROP_OLDEST, EventDecoders::liquidation);
  }

  /** {@code markPrice.<symbol>}: conflated. */
  public static StreamChannel<MarkPriceEvent> markPrice(String symbol) {
    return market("markPrice." + symbol(symbol), DeliveryPolicy.CONFLATE, EventDecoders::markPrice);
  }

  /** {@code openInterest.<symbol>}: conflated. */
  public static StreamChannel<OpenInterestEvent> openInterest(String symbol) {
    return market("openInterest." + symbol(symbol), DeliveryPolicy.CONFLATE, EventDecoders::openInterest);
  }

  /** {@code ticker.<symbol>}: 24 h statistics; conflated. */
  public static StreamChannel<TickerEvent> ticker(String symbol) {
    return market("ticker." + symbol(symbol), DeliveryPolicy.CONFLATE, EventDecoders::ticker);
  }

  /** {@code trade.<symbol>}: public trades; drop-oldest. */
  public static StreamChannel<TradeEvent> trade(String symbol) {
    return market("trade." + symbol(symbol), DeliveryPolicy.DROP_OLDEST, EventDecoders::trade);
  }

  /** {@code account.orderUpdate}: the account's order updates, all symbols; signed; never dropped. */
  public static StreamChannel<OrderUpdateEvent> orderUpdates() {
    return account("account.orderUpdate", EventDecoders::orderUpdate);
  }

  /** {@code account.orderUpdate.<symbol>}: signed; never dropped. */
  public static StreamChannel<OrderUpdateEvent> orderUpdates(String symbol) {
    return account("account.orderUpdate." + symbol(symbol), EventDecoders::orderUpdate);
  }

  /** {@code account.positionUpdate}: signed; never dropped. */
  public static StreamChannel<PositionUpdateEvent> positionUpdates() {
    return account("account.positionUpdate", EventDecoders::positionUpdate);
  }

  /** {@code account.positionUpdate.<symbol>}: signed; never dropped. */
  public static StreamChannel<PositionUpdateEvent> positionUpdates(String symbol) {
    return account("account.positionUpdate." + symbol(symbol), EventDecoders::positionUpdate);
  }

  /** {@code account.rfqUpdate}: signed; never dropped. */
  public static StreamChannel<RfqUpdateEvent> rfqUpdates() {
    return account("account.rfqUpdate", EventDecoders::rfqUpdate);
  }

  /** {@code account.rfqUpdate.<symbol>}: signed; never dropped. */
  public static StreamChannel<RfqUpdateEvent> rfqUpdates(String symbol) {
    return account("account.rfqUpdate." + symbol(symbol), EventDecoders::rfqUpdate);
  }

  /** {@return the stream name on the wire} */
  public String name() {
    return spec.name();
  }

  /** {@return whether subscribing needs a signature (an {@code account.} stream)} */
  public boolean isPrivate() {
    return spec.isPrivate();
  }

  /** {@return what the delivery queue does when the listener falls behind} */
  public DeliveryPolicy deliveryPolicy() {
    return spec.policy();
  }

  ChannelSpec<E> spec() {
    return spec;
  }

  @Override
  public String toString() {
    return "StreamChannel[" + spec.name() + "]";
  }

  private static <E> StreamChannel<E> market(String name, DeliveryPolicy policy, Function<Fields, E> decoder) {
    return new StreamChannel<>(name, false, policy, decoder);
  }

  private static <E> StreamChannel<E> account(String name, Function<Fields, E> decoder) {
    return new StreamChannel<>(name, true, DeliveryPolicy.RESYNC_ON_OVERFLOW, decoder);
  }

  static String symbol(String symbol) {
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new ValidationException("symbol", "must match ^[A-Z0-9_]+$", "use e.g. SOL_USDC or SOL_USDC_PERP");
    }
    return symbol;
  }

  /** The aggregation window of {@code depth.<aggregation>.<symbol>}. */
  public enum DepthAggregation {
    /** 200 ms. */
    MS_200("200ms"),
    /** 600 ms. */
    MS_600("600ms"),
    /** 1000 ms. */
    MS_1000("1000ms");

    private final String wire;

    DepthAggregation(String wire) {
      this.wire = wire;
    }

    /** {@return the wire spelling, e.g. {@code 200ms}} */
    public String wireValue() {
      return wire;
    }
  }
}
