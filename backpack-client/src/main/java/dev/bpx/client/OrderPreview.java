package dev.bpx.client;

import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an order would do if placed now, computed locally from the market's filters, the current
 * order book, the account's fees and balances and the safety limits. Nothing is sent.
 *
 * <p>Amounts are estimates: the book can move before an order arrives. {@code null} means "not
 * applicable or unknown" (e.g. fees without keys, positions on spot markets). Thread-safe.
 *
 * @param symbol market symbol
 * @param marketType SPOT or PERP
 * @param side order side
 * @param orderType Limit or Market
 * @param acceptable true when no problem was found: the filters, limits and funds allow it
 * @param problems every reason the order would be refused (filters, limits, funds), each with a fix
 * @param warnings things worth knowing that do not stop the order (e.g. thin book, large slippage)
 * @param bestPrice best opposite price in the book (best ask for a buy, best bid for a sell), or null
 * @param estimatedFillQuantity base quantity that would trade immediately
 * @param estimatedAveragePrice average price of that trade, or null when nothing fills now
 * @param estimatedFillNotional quote value of that trade
 * @param restingQuantity base quantity that would rest on the book as a maker order
 * @param orderNotional value of the whole order in quote currency, as the safety limits count it, never
 *     below what it can trade for at the book: price × quantity for a buy limit; for a sell limit the
 *     bids it would take and the rest at its price; the quote quantity or the estimated cost for a market
 *     order
 * @param slippageBps how far the average price is from the best price, in basis points (1/100 %)
 * @param takerFeeBps the account's taker fee rate in basis points, or null when unknown
 * @param makerFeeBps the account's maker fee rate in basis points, or null when unknown
 * @param estimatedFee fee of the immediate fill plus the resting part (at the maker rate), in quote currency
 * @param requiredAsset the asset that pays for the order (quote for spot buys, base for spot sells, collateral for perps)
 * @param requiredAmount how much of it the order needs (spot: the cost; perps: initial margin)
 * @param availableAmount how much is available now (spot: available balance; perps: net equity available)
 * @param currentPositionQuantity perps: the signed position now, else null
 * @param resultingPositionQuantity perps: the signed position after the immediate fill, else null
 * @param resultingEntryPrice perps: the entry price after the immediate fill, else null
 * @param estimatedLiquidationPrice perps: estimated liquidation price of the resulting position, else null
 */
public record OrderPreview(
    String symbol,
    MarketType marketType,
    Side side,
    OrderType orderType,
    boolean acceptable,
    List<String> problems,
    List<String> warnings,
    BigDecimal bestPrice,
    BigDecimal estimatedFillQuantity,
    BigDecimal estimatedAveragePrice,
    BigDecimal estimatedFillNotional,
    BigDecimal restingQuantity,
    BigDecimal orderNotional,
    BigDecimal slippageBps,
    BigDecimal takerFeeBps,
    BigDecimal makerFeeBps,
    BigDecimal estimatedFee,
    String requiredAsset,
    BigDecimal requiredAmount,
    BigDecimal availableAmount,
    BigDecimal currentPositionQuantity,
    BigDecimal resultingPositionQuantity,
    BigDecimal resultingEntryPrice,
    BigDecimal estimatedLiquidationPrice) {

  /** Copies the lists. */
  public OrderPreview {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }
}
