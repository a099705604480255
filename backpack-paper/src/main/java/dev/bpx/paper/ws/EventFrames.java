package dev.bpx.paper.ws;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.events.StreamEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the engine's events as Backpack's stream payloads (shared/backpack-asyncapi.yml: short keys,
 * decimals as strings, microsecond times) and hands them to a {@link StreamPublisher} under their
 * stream names. Fields the spec marks "only present if ..." are left out when the event has no value
 * for them. Runs on the engine's writer and never blocks (the publisher queues).
 */
public final class EventFrames implements EventSink {
  private static final DateTimeFormatter KLINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private final StreamPublisher publisher;

  public EventFrames(StreamPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void accept(List<StreamEvent> events) {
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.OrderUpdate u) {
        publisher.publishPrivate(u.account(), "account.orderUpdate." + u.symbol(), orderUpdate(u));
      } else if (e instanceof StreamEvent.PositionUpdate p) {
        publisher.publishPrivate(p.account(), "account.positionUpdate." + p.symbol(), positionUpdate(p));
      } else {
        String stream = streamName(e);
        if (publisher.hasSubscribers(stream)) {
          publisher.publish(stream, json(e));
        }
      }
    }
  }

  /** {@return the public stream an event goes to} */
  static String streamName(StreamEvent e) {
    if (e instanceof StreamEvent.Depth) {
      return "depth." + e.symbol();
    } else if (e instanceof StreamEvent.AggregatedDepth a) {
      return "depth." + a.aggregation() + "." + e.symbol();
    } else if (e instanceof StreamEvent.BookTicker) {
      return "bookTicker." + e.symbol();
    } else if (e instanceof StreamEvent.Trade) {
      return "trade." + e.symbol();
    } else if (e instanceof StreamEvent.Ticker) {
      return "ticker." + e.symbol();
    } else if (e instanceof StreamEvent.Kline k) {
      return "kline." + k.interval() + "." + e.symbol();
    } else if (e instanceof StreamEvent.MarkPrice) {
      return "markPrice." + e.symbol();
    } else if (e instanceof StreamEvent.OpenInterest) {
      return "openInterest." + e.symbol();
    } else if (e instanceof StreamEvent.Liquidation) {
      return "liquidation";
    } else if (e instanceof StreamEvent.OrderUpdate) {
      return "account.orderUpdate." + e.symbol();
    } else if (e instanceof StreamEvent.PositionUpdate) {
      return "account.positionUpdate." + e.symbol();
    }
    throw new IllegalArgumentException("no stream for " + e.getClass().getSimpleName());
  }

  /** {@return the event's payload, the {@code data} member of its frame} */
  static String json(StreamEvent e) {
    if (e instanceof StreamEvent.OrderUpdate u) {
      return orderUpdate(u);
    } else if (e instanceof StreamEvent.PositionUpdate p) {
      return positionUpdate(p);
    } else if (e instanceof StreamEvent.Depth d) {
      return depth(d);
    } else if (e instanceof StreamEvent.AggregatedDepth a) {
      return depth(a.depth()); // the spec's DepthEnvelope, as the realtime stream
    } else if (e instanceof StreamEvent.BookTicker b) {
      JsonWriter w = head("bookTicker", b.time(), b.symbol());
      if (b.bestAsk() != null) {
        w.field("a", plain(b.bestAsk().price())).field("A", plain(b.bestAsk().quantity()));
      }
      if (b.bestBid() != null) {
        w.field("b", plain(b.bestBid().price())).field("B", plain(b.bestBid().quantity()));
      }
      return w.field("u", Long.toString(b.updateId())).field("T", micros(b.time())).endObject().toString();
    } else if (e instanceof StreamEvent.Trade t) {
      JsonWriter w = head("trade", t.time(), t.symbol()).field("p", plain(t.price())).field("q", plain(t.quantity()));
      if (t.buyerOrderId() != null) {
        w.field("b", t.buyerOrderId());
      }
      if (t.sellerOrderId() != null) {
        w.field("a", t.sellerOrderId());
      }
      return w.field("t", t.id()).field("T", micros(t.time())).field("m", t.buyerIsMaker()).endObject().toString();
    } else if (e instanceof StreamEvent.Ticker t) {
      return head("ticker", t.time(), t.symbol()).field("o", plain(t.first())).field("c", plain(t.last()))
          .field("h", plain(t.high())).field("l", plain(t.low())).field("v", plain(t.volume()))
          .field("V", plain(t.quoteVolume())).field("n", t.trades()).endObject().toString();
    } else if (e instanceof StreamEvent.Kline k) {
      return head("kline", k.time(), k.symbol()).field("t", klineTime(k.start()))
          .field("T", klineTime(k.end())).field("o", plain(k.open()))
          .field("c", plain(k.close())).field("h", plain(k.high())).field("l", plain(k.low()))
          .field("v", plain(k.volume())).field("n", k.trades()).field("X", k.closed()).endObject().toString();
    } else if (e instanceof StreamEvent.MarkPrice m) {
      return head("markPrice", m.time(), m.symbol()).field("p", plain(m.markPrice()))
          .field("f", plain(m.fundingRate())).field("i", plain(m.indexPrice())).field("n", m.nextFunding())
          .field("T", micros(m.time())).endObject().toString();
    } else if (e instanceof StreamEvent.OpenInterest o) {
      return head("openInterest", o.time(), o.symbol()).field("o", plain(o.openInterest())).endObject().toString();
    } else if (e instanceof StreamEvent.Liquidation l) {
      return new JsonWriter().beginObject().field("e", "liquidation").field("E", micros(l.time()))
          .field("q", plain(l.quantity())).field("p", plain(l.price())).field("S", l.side())
          .field("s", l.symbol()).field("T", micros(l.time())).endObject().toString();
    }
    throw new IllegalArgumentException("no payload for " + e.getClass().getSimpleName());
  }

  private static String depth(StreamEvent.Depth d) {
    JsonWriter w = head("depth", d.time(), d.symbol());
    levels(w.name("a"), d.asks());
    levels(w.name("b"), d.bids());
    return w.field("U", d.firstUpdateId()).field("u", d.lastUpdateId()).field("T", micros(d.time()))
        .endObject().toString();
  }

  private static String orderUpdate(StreamEvent.OrderUpdate u) {
    StreamEvent.OrderFields o = u.order();
    JsonWriter w = head(u.type(), u.time(), o.symbol());
    optional(w, "c", o.clientId());
    w.field("S", o.side()).field("o", o.orderType());
    optional(w, "f", o.timeInForce());
    optional(w, "q", o.quantity());
    optional(w, "Q", o.quoteQuantity());
    optional(w, "p", o.price());
    optional(w, "P", o.triggerPrice());
    optional(w, "B", o.triggerBy());
    optional(w, "a", o.takeProfitTriggerPrice());
    optional(w, "b", o.stopLossTriggerPrice());
    optional(w, "j", o.takeProfitLimitPrice());
    optional(w, "k", o.stopLossLimitPrice());
    optional(w, "d", o.takeProfitTriggerBy());
    optional(w, "g", o.stopLossTriggerBy());
    optional(w, "Y", o.triggerQuantity());
    w.field("X", o.status());
    if (StreamEvent.OrderUpdate.EXPIRED.equals(u.type())) {
      optional(w, "R", o.expiryReason());
    }
    w.field("i", o.id());
    StreamEvent.FillFields f = u.fill();
    if (f != null) {
      w.field("t", f.tradeId()).field("l", plain(f.quantity())).field("L", plain(f.price()))
          .field("m", f.maker()).field("n", plain(f.fee())).field("N", f.feeSymbol());
    }
    w.field("z", plain(o.executedQuantity())).field("Z", plain(o.executedQuoteQuantity()));
    optional(w, "V", o.selfTradePrevention());
    w.field("T", micros(u.time())).field("O", u.origin());
    optional(w, "I", o.relatedOrderId());
    return w.field("y", o.postOnly()).endObject().toString();
  }

  /**
   * Position numbers are JSON numbers in the spec ({@code type: number}); PnL and the id strings. Without a type
   * (the snapshot sent on subscribe) there is no {@code e}.
   */
  private static String positionUpdate(StreamEvent.PositionUpdate p) {
    JsonWriter w = p.type() != null ? head(p.type(), p.time(), p.symbol())
        : new JsonWriter().beginObject().field("E", micros(p.time())).field("s", p.symbol()); // the snapshot
    w.name("b").raw(number(p.breakEvenPrice())).name("B").raw(number(p.entryPrice()))
        .name("f").raw(number(p.imf())).name("M").raw(number(p.markPrice())).name("m").raw(number(p.mmf()))
        .name("q").raw(number(p.netQuantity())).name("Q").raw(number(p.netExposureQuantity()))
        .name("n").raw(number(p.netExposureNotional()));
    return w.field("i", p.positionId()).field("p", plain(p.pnlRealized())).field("P", plain(p.pnlUnrealized()))
        .field("T", micros(p.time())).endObject().toString();
  }

  private static JsonWriter head(String type, long time, String symbol) {
    return new JsonWriter().beginObject().field("e", type).field("E", micros(time)).field("s", symbol);
  }

  private static void levels(JsonWriter w, List<StreamEvent.Level> levels) {
    w.beginArray();
    for (StreamEvent.Level l : levels) {
      w.beginArray().value(plain(l.price())).value(plain(l.quantity())).endArray();
    }
    w.endArray();
  }

  private static void optional(JsonWriter w, String key, Object value) {
    if (value instanceof BigDecimal d) {
      w.field(key, plain(d));
    } else if (value instanceof Long n) {
      w.field(key, n);
    } else if (value != null) {
      w.field(key, value.toString());
    }
  }

  private static BigDecimal number(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  /**
   * {@return a kline's start or end as the real stream writes it: ISO 8601 without zone, UTC, whole seconds}
   * The asyncapi {@code KlineEvent} says only "ISO 8601"; ccxt's capture of a live {@code kline.2h.ETH_USDC} frame
   * ({@code ts/src/pro/backpack.ts}) shows {@code "t":"2025-08-06T22:00:00"}. Windows start on whole seconds.
   */
  static String klineTime(long millis) {
    return KLINE_TIME.format(Instant.ofEpochMilli(millis));
  }

  private static long micros(long millis) {
    return millis * 1000;
  }

  /** Plain notation, as REST writes decimals; trailing zeros of computed amounts dropped, not of zero. */
  static String plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    return v.signum() == 0 ? "0" : v.toPlainString();
  }
}
