package dev.bpx.client.model;

/**
 * A market's order rules ({@code filters}; spec {@code OrderBookFilters}). The {@code leverage}
 * filter removed on 2025-03-19 is ignored. See {@code backpack-api.md} section 5.
 *
 * <p>Thread-safe.
 *
 * @param price price rules
 * @param quantity quantity rules
 */
public record MarketFilters(PriceFilter price, QuantityFilter quantity) {}
