package dev.bpx.client.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.WireEnum;
import dev.bpx.client.stream.BookTickerEvent;
import dev.bpx.client.stream.DepthEvent;
import dev.bpx.client.stream.KlineEvent;
import dev.bpx.client.stream.LiquidationEvent;
import dev.bpx.client.stream.MarkPriceEvent;
import dev.bpx.client.stream.OpenInterestEvent;
import dev.bpx.client.stream.OrderUpdateEvent;
import dev.bpx.client.stream.PositionUpdateEvent;
import dev.bpx.client.stream.RfqUpdateEvent;
import dev.bpx.client.stream.StreamChannel;
import dev.bpx.client.stream.StreamChannel.DepthAggregation;
import dev.bpx.client.stream.TickerEvent;
import dev.bpx.client.stream.TradeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every channel of the official AsyncAPI spec: its name matches a {@link StreamChannel} factory, and a
 * frame built from its event schema (every declared property, of the declared type) parses into the
 * record with each property landing in its field. A property the spec adds, or one we forget, fails here.
 */
class AsyncApiConformanceTest {
  private static final AsyncApiSpec SPEC = AsyncApiSpec.load();

  enum Kind { TEXT, DEC, LONG, MICROS, MILLIS, BOOL, ISO, ENUM, LEVELS }

  record Check<E>(Kind kind, Function<E, Object> get) {}

  /** Field letter to how it is read; the letter set must equal the schema's properties minus {@code e}. */
  static final class Checks<E> {
    final Map<String, Check<E>> byField = new LinkedHashMap<>();

    Checks<E> add(String field, Kind kind, Function<E, Object> get) {
      byField.put(field, new Check<>(kind, get));
      return this;
    }
  }

  @Test
  void everySpecChannelHasAFactoryWithTheSameNameAndPrivacy() {
    Map<String, List<StreamChannel<?>>> ours = new HashMap<>();
    ours.put("bookTicker.{symbol}", List.of(StreamChannel.bookTicker("SOL_USDC")));
    ours.put("depth.{symbol}", List.of(StreamChannel.depth("SOL_USDC")));
    List<StreamChannel<?>> aggregated = new ArrayList<>();
    for (String window : SPEC.parameterEnum("depth.{aggregation}.{symbol}", "aggregation")) {
      DepthAggregation match = null;
      for (DepthAggregation aggregation : DepthAggregation.values()) {
        if (aggregation.wireValue().equals(window)) {
          match = aggregation;
        }
      }
      assertThat(match).as("aggregation " + window).isNotNull();
      aggregated.add(StreamChannel.depth(match, "SOL_USDC"));
    }
    ours.put("depth.{aggregation}.{symbol}", aggregated);
    List<StreamChannel<?>> klines = new ArrayList<>();
    for (String interval : SPEC.parameterEnum("kline.{interval}.{symbol}", "interval")) {
      klines.add(StreamChannel.kline(KlineInterval.fromWire(interval), "SOL_USDC"));
    }
    ours.put("kline.{interval}.{symbol}", klines);
    ours.put("liquidation", List.of(StreamChannel.liquidation()));
    ours.put("markPrice.{symbol}", List.of(StreamChannel.markPrice("SOL_USDC")));
    ours.put("openInterest.{symbol}", List.of(StreamChannel.openInterest("SOL_USDC")));
    ours.put("ticker.{symbol}", List.of(StreamChannel.ticker("SOL_USDC")));
    ours.put("trade.{symbol}", List.of(StreamChannel.trade("SOL_USDC")));
    ours.put("account.orderUpdate", List.of(StreamChannel.orderUpdates()));
    ours.put("account.orderUpdate.{symbol}", List.of(StreamChannel.orderUpdates("SOL_USDC")));
    ours.put("account.positionUpdate", List.of(StreamChannel.positionUpdates()));
    ours.put("account.positionUpdate.{symbol}", List.of(StreamChannel.positionUpdates("SOL_USDC")));
    ours.put("account.rfqUpdate", List.of(StreamChannel.rfqUpdates()));
    ours.put("account.rfqUpdate.{symbol}", List.of(StreamChannel.rfqUpdates("SOL_USDC")));

    Set<String> specChannels = new TreeSet<>(SPEC.channels());
    specChannels.remove("subscriptionControl");
    assertThat(new TreeSet<>(ours.keySet())).isEqualTo(specChannels);
    for (Map.Entry<String, List<StreamChannel<?>>> entry : ours.entrySet()) {
      List<String> expected = expand(entry.getKey());
      assertThat(entry.getValue()).extracting(StreamChannel::name).containsExactlyElementsOf(expected);
      for (StreamChannel<?> channel : entry.getValue()) {
        assertThat(channel.isPrivate()).as(channel.name()).isEqualTo(entry.getKey().startsWith("account."));
      }
    }
  }

  @Test
  void bookTickerFrameFromTheSpecParsesEveryField() throws Exception {
    verify("bookTicker.{symbol}", EventDecoders::bookTicker, new Checks<BookTickerEvent>()
        .add("E", Kind.MICROS, BookTickerEvent::eventTime).add("s", Kind.TEXT, BookTickerEvent::symbol)
        .add("a", Kind.DEC, BookTickerEvent::askPrice).add("A", Kind.DEC, BookTickerEvent::askQuantity)
        .add("b", Kind.DEC, BookTickerEvent::bidPrice).add("B", Kind.DEC, BookTickerEvent::bidQuantity)
        .add("u", Kind.TEXT, BookTickerEvent::updateId).add("T", Kind.MICROS, BookTickerEvent::engineTime));
  }

  @Test
  void depthFramesFromTheSpecParseEveryField() throws Exception {
    Checks<DepthEvent> checks = new Checks<DepthEvent>()
        .add("E", Kind.MICROS, DepthEvent::eventTime).add("s", Kind.TEXT, DepthEvent::symbol)
        .add("a", Kind.LEVELS, DepthEvent::asks).add("b", Kind.LEVELS, DepthEvent::bids)
        .add("U", Kind.LONG, DepthEvent::firstUpdateId).add("u", Kind.LONG, DepthEvent::lastUpdateId)
        .add("T", Kind.MICROS, DepthEvent::engineTime);
    verify("depth.{symbol}", EventDecoders::depth, checks);
    verify("depth.{aggregation}.{symbol}", EventDecoders::depth, checks);
  }

  @Test
  void klineFrameFromTheSpecParsesEveryField() throws Exception {
    verify("kline.{interval}.{symbol}", EventDecoders::kline, new Checks<KlineEvent>()
        .add("E", Kind.MICROS, KlineEvent::eventTime).add("s", Kind.TEXT, KlineEvent::symbol)
        .add("t", Kind.ISO, KlineEvent::start).add("T", Kind.ISO, KlineEvent::end)
        .add("o", Kind.DEC, KlineEvent::open).add("c", Kind.DEC, KlineEvent::close)
        .add("h", Kind.DEC, KlineEvent::high).add("l", Kind.DEC, KlineEvent::low)
        .add("v", Kind.DEC, KlineEvent::volume).add("n", Kind.LONG, KlineEvent::trades)
        .add("X", Kind.BOOL, KlineEvent::closed));
  }

  @Test
  void liquidationFrameFromTheSpecParsesEveryField() throws Exception {
    verify("liquidation", EventDecoders::liquidation, new Checks<LiquidationEvent>()
        .add("E", Kind.MICROS, LiquidationEvent::eventTime).add("q", Kind.DEC, LiquidationEvent::quantity)
        .add("p", Kind.DEC, LiquidationEvent::price).add("S", Kind.ENUM, LiquidationEvent::side)
        .add("s", Kind.TEXT, LiquidationEvent::symbol).add("T", Kind.MICROS, LiquidationEvent::engineTime));
  }

  @Test
  void markPriceFrameFromTheSpecParsesEveryField() throws Exception {
    verify("markPrice.{symbol}", EventDecoders::markPrice, new Checks<MarkPriceEvent>()
        .add("E", Kind.MICROS, MarkPriceEvent::eventTime).add("s", Kind.TEXT, MarkPriceEvent::symbol)
        .add("p", Kind.DEC, MarkPriceEvent::markPrice).add("f", Kind.DEC, MarkPriceEvent::fundingRate)
        .add("i", Kind.DEC, MarkPriceEvent::indexPrice).add("n", Kind.MILLIS, MarkPriceEvent::nextFundingTime)
        .add("T", Kind.MICROS, MarkPriceEvent::engineTime));
  }

  @Test
  void openInterestFrameFromTheSpecParsesEveryField() throws Exception {
    verify("openInterest.{symbol}", EventDecoders::openInterest, new Checks<OpenInterestEvent>()
        .add("E", Kind.MICROS, OpenInterestEvent::eventTime).add("s", Kind.TEXT, OpenInterestEvent::symbol)
        .add("o", Kind.DEC, OpenInterestEvent::openInterest));
  }

  @Test
  void tickerFrameFromTheSpecParsesEveryField() throws Exception {
    verify("ticker.{symbol}", EventDecoders::ticker, new Checks<TickerEvent>()
        .add("E", Kind.MICROS, TickerEvent::eventTime).add("s", Kind.TEXT, TickerEvent::symbol)
        .add("o", Kind.DEC, TickerEvent::open).add("c", Kind.DEC, TickerEvent::last)
        .add("h", Kind.DEC, TickerEvent::high).add("l", Kind.DEC, TickerEvent::low)
        .add("v", Kind.DEC, TickerEvent::baseVolume).add("V", Kind.DEC, TickerEvent::quoteVolume)
        .add("n", Kind.LONG, TickerEvent::trades));
  }

  @Test
  void tradeFrameFromTheSpecParsesEveryField() throws Exception {
    verify("trade.{symbol}", EventDecoders::trade, new Checks<TradeEvent>()
        .add("E", Kind.MICROS, TradeEvent::eventTime).add("s", Kind.TEXT, TradeEvent::symbol)
        .add("p", Kind.DEC, TradeEvent::price).add("q", Kind.DEC, TradeEvent::quantity)
        .add("b", Kind.TEXT, TradeEvent::buyerOrderId).add("a", Kind.TEXT, TradeEvent::sellerOrderId)
        .add("t", Kind.LONG, TradeEvent::tradeId).add("T", Kind.MICROS, TradeEvent::engineTime)
        .add("m", Kind.BOOL, TradeEvent::buyerIsMaker));
  }

  @Test
  void orderUpdateFrameFromTheSpecParsesEveryField() throws Exception {
    Function<OrderUpdateEvent, OrderUpdateEvent.Fill> fill = e -> ((OrderUpdateEvent.Filled) e).fill();
    Checks<OrderUpdateEvent> checks = new Checks<OrderUpdateEvent>()
        .add("E", Kind.MICROS, e -> e.order().eventTime()).add("s", Kind.TEXT, e -> e.order().symbol())
        .add("c", Kind.LONG, e -> e.order().clientId()).add("S", Kind.ENUM, e -> e.order().side())
        .add("o", Kind.ENUM, e -> e.order().orderType()).add("f", Kind.ENUM, e -> e.order().timeInForce())
        .add("q", Kind.DEC, e -> e.order().quantity()).add("Q", Kind.DEC, e -> e.order().quoteQuantity())
        .add("p", Kind.DEC, e -> e.order().price()).add("P", Kind.DEC, e -> e.order().triggerPrice())
        .add("B", Kind.ENUM, e -> e.order().triggerBy()).add("a", Kind.DEC, e -> e.order().takeProfitTriggerPrice())
        .add("b", Kind.DEC, e -> e.order().stopLossTriggerPrice()).add("j", Kind.DEC, e -> e.order().takeProfitLimitPrice())
        .add("k", Kind.DEC, e -> e.order().stopLossLimitPrice()).add("d", Kind.ENUM, e -> e.order().takeProfitTriggerBy())
        .add("g", Kind.ENUM, e -> e.order().stopLossTriggerBy()).add("Y", Kind.DEC, e -> e.order().triggerQuantity())
        .add("X", Kind.ENUM, e -> e.order().status()).add("i", Kind.TEXT, e -> e.order().orderId())
        .add("t", Kind.LONG, e -> fill.apply(e).tradeId()).add("l", Kind.DEC, e -> fill.apply(e).quantity())
        .add("z", Kind.DEC, e -> e.order().executedQuantity()).add("Z", Kind.DEC, e -> e.order().executedQuoteQuantity())
        .add("L", Kind.DEC, e -> fill.apply(e).price()).add("m", Kind.BOOL, e -> fill.apply(e).maker())
        .add("n", Kind.DEC, e -> fill.apply(e).fee()).add("N", Kind.TEXT, e -> fill.apply(e).feeAsset())
        .add("V", Kind.ENUM, e -> e.order().selfTradePrevention()).add("T", Kind.MICROS, e -> e.order().engineTime())
        .add("O", Kind.ENUM, e -> e.order().origin()).add("I", Kind.TEXT, e -> e.order().relatedOrderId())
        .add("H", Kind.LONG, e -> e.order().strategyId()).add("y", Kind.BOOL, e -> e.order().postOnly())
        .add("R", Kind.ENUM, e -> ((OrderUpdateEvent.Expired) e).reason());
    // Fill fields exist only on orderFill and R only on orderExpired: check each under its event.
    verify("account.orderUpdate", EventDecoders::orderUpdate, without(checks, "R"), "orderFill");
    verify("account.orderUpdate.{symbol}", EventDecoders::orderUpdate, only(checks, "R"), "orderExpired");
  }

  @Test
  void everyOrderUpdateEventNameOfTheSpecHasItsCaseAndOthersAreUnknown() throws Exception {
    Map<String, Class<?>> cases = Map.of("orderAccepted", OrderUpdateEvent.Accepted.class,
        "orderCancelled", OrderUpdateEvent.Cancelled.class, "orderExpired", OrderUpdateEvent.Expired.class,
        "orderFill", OrderUpdateEvent.Filled.class, "orderModified", OrderUpdateEvent.Modified.class,
        "triggerPlaced", OrderUpdateEvent.TriggerPlaced.class, "triggerFailed", OrderUpdateEvent.TriggerFailed.class);
    assertEventCases("account.orderUpdate", EventDecoders::orderUpdate, cases);
    OrderUpdateEvent unknown = decode("account.orderUpdate", EventDecoders::orderUpdate, "orderTeleported");
    assertThat(unknown).isInstanceOf(OrderUpdateEvent.Unknown.class);
    assertThat(((OrderUpdateEvent.Unknown) unknown).eventType()).isEqualTo("orderTeleported");
    assertThat(unknown.order().symbol()).isEqualTo("SOL_USDC_PERP");
  }

  @Test
  void positionUpdateFrameFromTheSpecParsesEveryFieldAndEveryEventName() throws Exception {
    verify("account.positionUpdate", EventDecoders::positionUpdate, new Checks<PositionUpdateEvent>()
        .add("E", Kind.MICROS, e -> e.position().eventTime()).add("s", Kind.TEXT, e -> e.position().symbol())
        .add("b", Kind.DEC, e -> e.position().breakEvenPrice()).add("B", Kind.DEC, e -> e.position().entryPrice())
        .add("f", Kind.DEC, e -> e.position().initialMarginFraction()).add("M", Kind.DEC, e -> e.position().markPrice())
        .add("m", Kind.DEC, e -> e.position().maintenanceMarginFraction())
        .add("q", Kind.DEC, e -> e.position().netQuantity()).add("Q", Kind.DEC, e -> e.position().netExposureQuantity())
        .add("n", Kind.DEC, e -> e.position().netExposureNotional()).add("i", Kind.TEXT, e -> e.position().positionId())
        .add("p", Kind.DEC, e -> e.position().realizedPnl()).add("P", Kind.DEC, e -> e.position().unrealizedPnl())
        .add("T", Kind.MICROS, e -> e.position().engineTime()));
    assertEventCases("account.positionUpdate", EventDecoders::positionUpdate, Map.of(
        "positionAdjusted", PositionUpdateEvent.Adjusted.class, "positionOpened", PositionUpdateEvent.Opened.class,
        "positionClosed", PositionUpdateEvent.Closed.class));
    // "Omitted in the initial snapshot of current open positions sent on subscribe."
    assertThat(decode("account.positionUpdate", EventDecoders::positionUpdate, null))
        .isInstanceOf(PositionUpdateEvent.Snapshot.class);
    assertThat(decode("account.positionUpdate", EventDecoders::positionUpdate, "positionTeleported"))
        .isInstanceOf(PositionUpdateEvent.Unknown.class);
  }

  @Test
  void rfqUpdateFrameFromTheSpecParsesEveryFieldAndEveryEventName() throws Exception {
    verify("account.rfqUpdate", EventDecoders::rfqUpdate, new Checks<RfqUpdateEvent>()
        .add("E", Kind.MICROS, e -> e.rfq().eventTime()).add("R", Kind.LONG, e -> e.rfq().rfqId())
        .add("u", Kind.LONG, e -> e.rfq().quoteId()).add("C", Kind.TEXT, e -> e.rfq().clientId())
        .add("s", Kind.TEXT, e -> e.rfq().symbol()).add("S", Kind.ENUM, e -> e.rfq().side())
        .add("q", Kind.DEC, e -> e.rfq().quantity()).add("Q", Kind.DEC, e -> e.rfq().quoteQuantity())
        .add("p", Kind.DEC, e -> e.rfq().price()).add("w", Kind.MILLIS, e -> e.rfq().submittedAt())
        .add("W", Kind.MILLIS, e -> e.rfq().expiresAt()).add("X", Kind.ENUM, e -> e.rfq().status())
        .add("o", Kind.ENUM, e -> e.rfq().systemOrderType()).add("T", Kind.MICROS, e -> e.rfq().engineTime()));
    assertEventCases("account.rfqUpdate", EventDecoders::rfqUpdate, Map.of(
        "rfqActive", RfqUpdateEvent.RfqActive.class, "rfqAccepted", RfqUpdateEvent.RfqAccepted.class,
        "rfqRefreshed", RfqUpdateEvent.RfqRefreshed.class, "rfqCancelled", RfqUpdateEvent.RfqCancelled.class,
        "rfqCandidate", RfqUpdateEvent.RfqCandidate.class, "rfqFilled", RfqUpdateEvent.RfqFilled.class,
        "quoteAccepted", RfqUpdateEvent.QuoteAccepted.class, "quoteCancelled", RfqUpdateEvent.QuoteCancelled.class));
    assertThat(decode("account.rfqUpdate", EventDecoders::rfqUpdate, "rfqTeleported"))
        .isInstanceOf(RfqUpdateEvent.Unknown.class);
  }

  @Test
  void enumValuesTheSdkDoesNotKnowParseAsUnknownAndAbsentOnesStayNull() throws Exception {
    String frame = "{\"stream\":\"account.orderUpdate\",\"data\":{\"e\":\"orderAccepted\",\"s\":\"SOL_USDC\","
        + "\"S\":\"Sideways\",\"o\":\"ICEBERG\",\"X\":\"Teleported\",\"O\":\"ALIENS\",\"i\":\"1\"}}";
    OrderUpdateEvent event = EventDecoders.orderUpdate(new Fields(WireFrame.parse(frame).data()));
    assertThat(event.order().side()).hasToString("UNKNOWN");
    assertThat(event.order().orderType()).hasToString("UNKNOWN");
    assertThat(event.order().status()).hasToString("UNKNOWN");
    assertThat(event.order().origin()).hasToString("UNKNOWN");
    assertThat(event.order().timeInForce()).isNull();
    assertThat(event.order().price()).isNull();
  }

  // ---------------------------------------------------------------------------------------------

  private static <E> void verify(String channel, Function<Fields, E> decoder, Checks<E> checks) throws Exception {
    verify(channel, decoder, checks, null);
  }

  private static <E> void verify(String channel, Function<Fields, E> decoder, Checks<E> checks, String event)
      throws Exception {
    String schema = SPEC.dataSchemaName(channel);
    Map<String, String> sample = SpecFrames.sample(SPEC, schema);
    Set<String> declared = new TreeSet<>(sample.keySet());
    declared.remove("e");
    Set<String> mapped = new TreeSet<>(checks.byField.keySet());
    if (event == null || !event.equals("orderExpired")) {
      assertThat(mapped).as("fields of " + schema + " the client maps").isEqualTo(without(declared, "R", checks));
    }
    String data = SpecFrames.json(sample, event, event != null);
    E parsed = decoder.apply(new Fields(WireFrame.parse("{\"stream\":\"x\",\"data\":" + data + "}").data()));
    for (Map.Entry<String, Check<E>> entry : checks.byField.entrySet()) {
      String text = SpecFrames.text(sample.get(entry.getKey()));
      Object actual = entry.getValue().get().apply(parsed);
      assertThat(actual).as(schema + "." + entry.getKey()).isEqualTo(expected(entry.getValue().kind(), text, actual));
    }
  }

  /** The spec's R belongs to orderExpired: the orderFill pass maps every other field. */
  private static Set<String> without(Set<String> declared, String field, Checks<?> checks) {
    Set<String> out = new TreeSet<>(declared);
    if (!checks.byField.containsKey(field)) {
      out.remove(field);
    }
    return out;
  }

  private static Object expected(Kind kind, String text, Object actual) {
    return switch (kind) {
      case TEXT -> text;
      case DEC -> new BigDecimal(text); // equals, not compareTo: the literal text, scale included
      case LONG -> Long.valueOf(text);
      case MICROS -> Instant.EPOCH.plus(Long.parseLong(text), ChronoUnit.MICROS);
      case MILLIS -> Instant.ofEpochMilli(Long.parseLong(text));
      case BOOL -> Boolean.valueOf(text);
      case ISO -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      case ENUM -> {
        assertThat(actual).isInstanceOf(WireEnum.class);
        assertThat(((Enum<?>) actual).name()).isNotEqualTo("UNKNOWN");
        // The stream spells order types LIMIT/MARKET, REST Limit/Market.
        yield ((WireEnum) actual).wireValue().equalsIgnoreCase(text) ? actual : "wire value " + text;
      }
      case LEVELS -> levels(text);
    };
  }

  private static List<PriceLevel> levels(String json) {
    // [["1N.5","2.25"],["1N.75","0"]] as SpecFrames writes it
    String[] numbers = json.replaceAll("[\\[\\]\"]", "").split(",");
    return List.of(new PriceLevel(new BigDecimal(numbers[0]), new BigDecimal(numbers[1])),
        new PriceLevel(new BigDecimal(numbers[2]), new BigDecimal(numbers[3])));
  }

  private static <E> Checks<E> without(Checks<E> checks, String field) {
    Checks<E> out = new Checks<>();
    checks.byField.forEach((k, v) -> {
      if (!k.equals(field)) {
        out.byField.put(k, v);
      }
    });
    return out;
  }

  private static <E> Checks<E> only(Checks<E> checks, String field) {
    Checks<E> out = new Checks<>();
    out.byField.put(field, checks.byField.get(field));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <E> void assertEventCases(String channel, Function<Fields, E> decoder, Map<String, Class<?>> cases)
      throws Exception {
    Map<String, Object> e = AsyncApiSpec.map(SPEC.properties(SPEC.dataSchemaName(channel)).get("e"));
    List<String> names = (List<String>) e.get("enum");
    assertThat(new TreeSet<>(cases.keySet())).isEqualTo(new TreeSet<>(names));
    for (String name : names) {
      assertThat(decode(channel, decoder, name)).as(name).isInstanceOf(cases.get(name));
    }
  }

  private static <E> E decode(String channel, Function<Fields, E> decoder, String event) throws Exception {
    Map<String, String> sample = SpecFrames.sample(SPEC, SPEC.dataSchemaName(channel));
    String data = SpecFrames.json(sample, event, true);
    return decoder.apply(new Fields(WireFrame.parse("{\"stream\":\"x\",\"data\":" + data + "}").data()));
  }

  private static List<String> expand(String channel) {
    if (channel.contains("{aggregation}")) {
      return SPEC.parameterEnum(channel, "aggregation").stream()
          .map(a -> channel.replace("{aggregation}", a).replace("{symbol}", "SOL_USDC")).toList();
    }
    if (channel.contains("{interval}")) {
      return SPEC.parameterEnum(channel, "interval").stream()
          .map(i -> channel.replace("{interval}", i).replace("{symbol}", "SOL_USDC")).toList();
    }
    return List.of(channel.replace("{symbol}", "SOL_USDC"));
  }
}
