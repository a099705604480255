package dev.bpx.paper.upstream;

import java.math.BigDecimal;

/**
 * One public trade on the upstream ({@code /api/v1/trades} or the {@code trade.<symbol>} stream).
 *
 * @param timeMillis epoch milliseconds
 * @param buyerMaker whether the buyer was the maker (the taker sold)
 */
public record Trade(long id, BigDecimal price, BigDecimal quantity, long timeMillis, boolean buyerMaker) {}
