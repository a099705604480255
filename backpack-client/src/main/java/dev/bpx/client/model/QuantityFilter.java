package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * A market's quantity rules ({@code filters.quantity}). Quantities must be multiples of {@code
 * stepSize}; its scale is the number of decimals allowed. For futures {@code minQuantity} is also
 * the dust threshold at which a position closes. See {@code backpack-api.md} section 5.
 *
 * <p>Thread-safe.
 *
 * @param minQuantity smallest quantity accepted, in base units
 * @param maxQuantity largest quantity accepted, or null
 * @param stepSize quantity increment
 */
public record QuantityFilter(BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal stepSize) {}
