package dev.bpx.mcp.tools;

import dev.bpx.client.journal.JournalReader;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.mcp.TradingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get_trade_journal}: the newest lines of the trade journal in the data directory, read from
 * disk (no exchange call, so it is offered in read-only mode too and works before the exchange
 * connection opens).
 */
final class JournalTools {
  static final String NAME = "get_trade_journal";
  static final int DEFAULT_LIMIT = 50;

  private JournalTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(new ToolDef(NAME, "Trade journal",
        "Journal of order actions: intent written before sending, outcome after; oldest first.",
        Schemas.object()
            .optional("since", Schemas.string("ISO-8601, e.g. 2026-11-30T00:00:00Z"))
            .optional("symbol", Schemas.symbol(null))
            .optional("limit", Schemas.limit("default 50")),
        Schemas.object()
            .required("entries", Schemas.array(Map.of("type", "object"), null))
            .required("journalDir", Schemas.string(null))
            .open().build(),
        ToolDef.Kind.LOCAL_READ, false,
        args -> {
          Instant since = since(args.optionalString("since"));
          String symbol = args.optionalSymbol("symbol");
          int limit = args.limit(DEFAULT_LIMIT);
          java.nio.file.Path dir = session.journalDir();
          List<JournalRecord> records;
          try {
            records = new JournalReader(dir).read(since, symbol, limit);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trade journal in " + dir + ": " + e.getMessage(), e);
          }
          return result(records, dir);
        }));
  }

  private static Instant since(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ToolInputException("'since' must be an ISO-8601 UTC time such as 2026-11-30T00:00:00Z (got '"
          + text + "')");
    }
  }

  static ToolDef.Result result(List<JournalRecord> records, java.nio.file.Path dir) {
    List<Object> entries = new ArrayList<>();
    StringBuilder text = new StringBuilder(records.isEmpty() ? "The trade journal has no matching entries."
        : records.size() + " journal entr" + (records.size() == 1 ? "y" : "ies") + ", oldest first:");
    for (JournalRecord r : records) {
      Map<String, Object> e = new LinkedHashMap<>();
      put(e, "time", r.time());
      put(e, "id", r.id());
      put(e, "type", r.type());
      put(e, "action", r.action());
      put(e, "ref", r.ref());
      put(e, "result", r.result());
      put(e, "symbol", r.symbol());
      put(e, "side", r.side());
      put(e, "orderType", r.orderType());
      put(e, "quantity", r.quantity());
      put(e, "quoteQuantity", r.quoteQuantity());
      put(e, "price", r.price());
      put(e, "triggerPrice", r.triggerPrice());
      put(e, "reduceOnly", r.reduceOnly());
      put(e, "clientId", r.clientId());
      put(e, "orderId", r.orderId());
      put(e, "status", r.status());
      put(e, "asset", r.asset());
      put(e, "detail", r.detail());
      put(e, "reason", r.reason());
      entries.add(e);
      text.append('\n').append(line(r));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", entries);
    out.put("journalDir", dir.toString());
    return new ToolDef.Result(out, text.toString());
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value instanceof BigDecimal d ? d.toPlainString() : value);
    }
  }

  /** One line for a person: time, type and action, result, the order's fields. */
  static String line(JournalRecord r) {
    StringBuilder s = new StringBuilder(r.time() == null ? "?" : r.time()).append(' ').append(r.type()).append(' ')
        .append(r.action());
    if (r.result() != null) {
      s.append(" -> ").append(r.result());
    }
    append(s, "", r.symbol());
    append(s, "", r.side());
    append(s, "", r.orderType());
    append(s, "qty ", r.quantity() == null ? null : r.quantity().toPlainString());
    append(s, "quote ", r.quoteQuantity() == null ? null : r.quoteQuantity().toPlainString());
    append(s, "@ ", r.price() == null ? null : r.price().toPlainString());
    append(s, "clientId ", r.clientId() == null ? null : r.clientId().toString());
    append(s, "orderId ", r.orderId());
    append(s, "asset ", r.asset());
    append(s, "", r.detail());
    append(s, "reason: ", r.reason());
    return s.toString();
  }

  private static void append(StringBuilder s, String label, String value) {
    if (value != null) {
      s.append(' ').append(label).append(value);
    }
  }
}
