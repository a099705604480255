package dev.bpx.paper.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the engine tells the world after a command is durable: one value per event of Backpack's
 * WebSocket streams (shared/backpack-asyncapi.yml). Plain immutable data, no JSON and no engine
 * types, so the engine stays free of the wire format and the WebSocket front of the engine: the
 * front ({@code dev.bpx.paper.ws.EventFrames}) names the stream and writes the payload.
 *
 * <p>Times are exchange epoch milliseconds; the wire's microseconds are derived when written.
 * Decimals keep the market's scale. Nullable components are fields the spec marks "only present
 * if ..." and are left out of the payload when null.
 */
public sealed interface StreamEvent {

  /** The market the event belongs to (for liquidations too), never null. */
  String symbol();

  /** {@code account.orderUpdate[.symbol]}, to the account that owns the order. */
  record OrderUpdate(String account, String type, long time, OrderFields order, FillFields fill,
                     String origin) implements StreamEvent {
    public static final String ACCEPTED = "orderAccepted";
    public static final String CANCELLED = "orderCancelled";
    public static final String EXPIRED = "orderExpired";
    public static final String FILL = "orderFill";
    public static final String TRIGGER_PLACED = "triggerPlaced";
    public static final String TRIGGER_FAILED = "triggerFailed";

    @Override
    public String symbol() {
      return order.symbol();
    }
  }

  /**
   * The order as it stands after the event (an immutable copy: the engine's order keeps changing).
   * Enum-like values are spelled as on the wire ({@code side} Bid/Ask, {@code orderType}
   * LIMIT/MARKET, {@code status} New/Filled/...).
   */
  record OrderFields(String id, Long clientId, String symbol, String side, String orderType,
                     String timeInForce, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal price,
                     BigDecimal triggerPrice, String triggerBy, String triggerQuantity,
                     BigDecimal takeProfitTriggerPrice, BigDecimal takeProfitLimitPrice,
                     String takeProfitTriggerBy, BigDecimal stopLossTriggerPrice,
                     BigDecimal stopLossLimitPrice, String stopLossTriggerBy, String status,
                     String expiryReason, BigDecimal executedQuantity, BigDecimal executedQuoteQuantity,
                     String selfTradePrevention, String relatedOrderId, boolean postOnly) {}

  /** One fill of an order: only on {@code orderFill}. */
  record FillFields(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeSymbol,
                    boolean maker) {}

  /**
   * {@code account.positionUpdate[.symbol]}: the position after the command's fills, or, with a null {@code type},
   * an open position of the snapshot a new subscriber gets first (the spec omits {@code e} there).
   */
  record PositionUpdate(String account, String type, long time, String symbol, BigDecimal netQuantity,
                        BigDecimal entryPrice, BigDecimal breakEvenPrice, BigDecimal markPrice,
                        BigDecimal imf, BigDecimal mmf, BigDecimal netExposureQuantity,
                        BigDecimal netExposureNotional, String positionId, BigDecimal pnlRealized,
                        BigDecimal pnlUnrealized) implements StreamEvent {
    public static final String OPENED = "positionOpened";
    public static final String ADJUSTED = "positionAdjusted";
    public static final String CLOSED = "positionClosed";
  }

  /**
   * {@code trade.<symbol>}: a public trade print, the same one {@code /api/v1/trades} lists.
   * Order ids are null for prints without orders behind them (simulated flow).
   */
  record Trade(String symbol, long id, BigDecimal price, BigDecimal quantity, String buyerOrderId,
               String sellerOrderId, boolean buyerIsMaker, long time) implements StreamEvent {}

  /** {@code liquidation}: a position closed against the backstop. */
  record Liquidation(String symbol, BigDecimal price, BigDecimal quantity, String side, long time)
      implements StreamEvent {}

  /** One price level: absolute quantity after the update, zero when the level is gone. */
  record Level(BigDecimal price, BigDecimal quantity) {}

  /**
   * {@code depth.<symbol>}: levels changed between book update ids {@code firstUpdateId} and
   * {@code lastUpdateId} (inclusive); {@code firstUpdateId} is the previous event's last + 1, and the
   * last is REST {@code /api/v1/depth}'s {@code lastUpdateId} for the book after it.
   */
  record Depth(String symbol, List<Level> asks, List<Level> bids, long firstUpdateId, long lastUpdateId,
               long time) implements StreamEvent {
    public Depth {
      asks = List.copyOf(asks);
      bids = List.copyOf(bids);
    }
  }

  /**
   * {@code depth.<aggregation>.<symbol>} ({@code 200ms}, {@code 600ms}, {@code 1000ms}): the {@link Depth} events of
   * one window of exchange time merged, each level at its last quantity (zero: gone), {@code firstUpdateId} the
   * window's first event's, {@code lastUpdateId} its last one's, {@code time} the last one's. Windows are aligned
   * to exchange time (from the epoch); a window without a change has no event.
   */
  record AggregatedDepth(String aggregation, Depth depth) implements StreamEvent {
    @Override
    public String symbol() {
      return depth.symbol();
    }
  }

  /** {@code bookTicker.<symbol>}: the top of the book changed. Null sides are empty. */
  record BookTicker(String symbol, Level bestAsk, Level bestBid, long updateId, long time)
      implements StreamEvent {}

  /** {@code ticker.<symbol>}: 24 h rolling statistics, as {@code /api/v1/ticker}. */
  record Ticker(String symbol, BigDecimal first, BigDecimal last, BigDecimal high, BigDecimal low,
                BigDecimal volume, BigDecimal quoteVolume, long trades, long time) implements StreamEvent {}

  /** {@code kline.<interval>.<symbol>}: the candle in progress, or closed. */
  record Kline(String symbol, String interval, long start, long end, BigDecimal open, BigDecimal close,
               BigDecimal high, BigDecimal low, BigDecimal volume, long trades, boolean closed, long time)
      implements StreamEvent {}

  /** {@code markPrice.<symbol>}: perp markets' mark, index, funding rate and next funding time. */
  record MarkPrice(String symbol, BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingRate,
                   long nextFunding, long time) implements StreamEvent {}

  /** {@code openInterest.<symbol>}: perp open interest in contracts. */
  record OpenInterest(String symbol, BigDecimal openInterest, long time) implements StreamEvent {}
}
