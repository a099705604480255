package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A public trade from {@code trade.<symbol>} (liquidation trades included). Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param price price ({@code p})
 * @param quantity quantity ({@code q})
 * @param buyerOrderId buyer's order id ({@code b})
 * @param sellerOrderId seller's order id ({@code a})
 * @param tradeId sequential trade id for the symbol ({@code t}), or null
 * @param buyerIsMaker whether the buyer was the maker ({@code m}), or null
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record TradeEvent(String symbol, BigDecimal price, BigDecimal quantity, String buyerOrderId,
    String sellerOrderId, Long tradeId, Boolean buyerIsMaker, Instant eventTime, Instant engineTime) {}
