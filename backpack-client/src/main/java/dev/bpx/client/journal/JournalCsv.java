package dev.bpx.client.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records as CSV (RFC 4180): a header row, then one row per record with the fields of {@link
 * JournalRecord} in order; a field holding a comma, a quote, CR or LF is quoted, with quotes doubled;
 * rows end with CRLF. Thread-safe (stateless).
 */
public final class JournalCsv {
  /** The header row's columns. */
  public static final List<String> COLUMNS = List.of("prevHash", "v", "time", "id", "type", "action", "ref", "result",
      "symbol", "side", "orderType", "quantity", "quoteQuantity", "price", "triggerPrice", "reduceOnly", "clientId",
      "orderId", "status", "asset", "detail", "reason");

  private JournalCsv() {}

  /**
   * Writes {@code records} with a header row to {@code out}.
   *
   * @throws IOException if {@code out} fails
   */
  public static void write(List<JournalRecord> records, Appendable out) throws IOException {
    row(new ArrayList<>(COLUMNS), out);
    for (JournalRecord r : records) {
      List<Object> fields = new ArrayList<>();
      java.util.Collections.addAll(fields, r.prevHash(), r.v(), r.time(), r.id(), r.type(), r.action(), r.ref(),
          r.result(), r.symbol(), r.side(), r.orderType(), plain(r.quantity()), plain(r.quoteQuantity()),
          plain(r.price()), plain(r.triggerPrice()), r.reduceOnly(), r.clientId(), r.orderId(), r.status(), r.asset(),
          r.detail(), r.reason());
      row(fields, out);
    }
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static void row(List<?> fields, Appendable out) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
