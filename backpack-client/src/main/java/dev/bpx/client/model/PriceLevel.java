package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * One order-book level, decoded from the wire's two-element array {@code ["118310.0","1.00000"]}.
 * See {@code backpack-api.md} section 2.1.
 *
 * <p>Compare with {@code compareTo}: the wire may spell the same price {@code "86700"} or {@code
 * "86700.0"}. Thread-safe.
 *
 * @param price price in the quote asset
 * @param quantity quantity in the base asset
 */
public record PriceLevel(BigDecimal price, BigDecimal quantity) {}
