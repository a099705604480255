package dev.bpx.paper.ws;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A stream name a client may subscribe to, as the AsyncAPI spec's channels spell them: public
 * {@code bookTicker.<symbol>}, {@code depth.<symbol>}, {@code depth.<200ms|600ms|1000ms>.<symbol>},
 * {@code kline.<interval>.<symbol>}, {@code liquidation}, {@code markPrice.<symbol>},
 * {@code openInterest.<symbol>}, {@code ticker.<symbol>}, {@code trade.<symbol>}; private
 * {@code account.orderUpdate}, {@code account.positionUpdate}, {@code account.rfqUpdate}, each also with
 * {@code .<symbol>}.
 *
 * @param name the full name as subscribed
 * @param family the name without its symbol ({@code depth.200ms}, {@code account.orderUpdate})
 * @param symbol the market, or null for {@code liquidation} and the all-symbols account streams
 */
record StreamName(String name, String family, String symbol) {
  private static final Set<String> PER_SYMBOL =
      Set.of("bookTicker", "depth", "markPrice", "openInterest", "ticker", "trade");
  private static final Set<String> DEPTH_AGGREGATIONS = Set.of("200ms", "600ms", "1000ms");
  private static final Set<String> KLINE_INTERVALS = Set.of(
      "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1month");
  private static final Set<String> ACCOUNT = Set.of(
      "account.orderUpdate", "account.positionUpdate", "account.rfqUpdate");
  private static final String LIQUIDATION = "liquidation";

  /**
   * {@return the stream a name denotes, or empty when the spec has no such channel or the symbol is
   * not a market of this exchange}
   */
  static Optional<StreamName> parse(String name, Predicate<String> knownSymbol) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    if (name.equals(LIQUIDATION) || ACCOUNT.contains(name)) {
      return Optional.of(new StreamName(name, name, null));
    }
    int last = name.lastIndexOf('.');
    if (last <= 0) {
      return Optional.empty();
    }
    String family = name.substring(0, last);
    String symbol = name.substring(last + 1);
    if (!knownSymbol.test(symbol) || !isFamily(family)) {
      return Optional.empty();
    }
    return Optional.of(new StreamName(name, family, symbol));
  }

  private static boolean isFamily(String family) {
    if (PER_SYMBOL.contains(family) || ACCOUNT.contains(family)) {
      return true;
    }
    int dot = family.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String head = family.substring(0, dot);
    String variant = family.substring(dot + 1);
    return head.equals("depth") && DEPTH_AGGREGATIONS.contains(variant)
        || head.equals("kline") && KLINE_INTERVALS.contains(variant);
  }

  /** {@return whether subscribing needs a signed {@code subscribe} instruction} */
  boolean isPrivate() {
    return ACCOUNT.contains(family);
  }
}
