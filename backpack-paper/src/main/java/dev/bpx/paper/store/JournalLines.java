package dev.bpx.paper.store;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.store.Journal.Header;
import dev.bpx.paper.store.Journal.Recorded;
import dev.bpx.paper.store.Journal.Snapshot;

/**
 * Writes the three kinds of line of a journal in the current version ({@link Journal#VERSION}): the header,
 * the snapshot after compaction and a command with its outcome. Apart from {@link Journal} so that the
 * format written is read in one place, beside {@link JournalReader} which reads every version; what each
 * line holds is described on {@link Journal}.
 */
final class JournalLines {
  private JournalLines() {}

  static String header(Header h) {
    JsonWriter w = new JsonWriter().beginObject().field("c", "header").field("version", Journal.VERSION)
        .field("seed", h.seed()).field("start", h.startMillis());
    if (h.market() != null) {
      w.field("market", h.market());
    }
    if (h.marketList() != null) {
      w.name("marketList").raw(MarketListCodec.encode(h.marketList()));
    }
    if (h.sharedTradeIds()) {
      w.field("tradeIds", "shared");
    }
    if (h.priceBands()) {
      w.field("priceBands", true);
    }
    return w.endObject().toString();
  }

  static String snapshot(Snapshot s) {
    return new JsonWriter().beginObject().field("c", "snapshot")
        .field("clockOffsetMillis", s.clockOffsetMillis()).name("state").raw(s.state()).endObject().toString();
  }

  /** {@code {"t":time,"c":type,"k":apiKey,"p":fields,"o":outcome}}, without {@code k} or {@code p} when there is none. */
  static String command(Recorded r) {
    Command c = r.command().command();
    JsonWriter w = new JsonWriter().beginObject().field("t", r.command().time()).field("c", CommandCodec.type(c));
    if (c.apiKey() != null) {
      w.field("k", c.apiKey());
    }
    Object payload = CommandCodec.payload(c);
    if (payload != null) {
      w.name("p").raw(payload);
    }
    return w.name("o").raw(OutcomeCodec.encode(r.outcome())).endObject().toString();
  }
}
