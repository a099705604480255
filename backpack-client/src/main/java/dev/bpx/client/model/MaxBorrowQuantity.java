package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The largest quantity of an asset the account may borrow, from {@code GET
 * /api/v1/account/limits/borrow}. See {@code backpack-api.md} section 2.2.
 *
 * <p>Thread-safe.
 *
 * @param symbol asset symbol
 * @param maxBorrowQuantity maximum borrow quantity
 */
public record MaxBorrowQuantity(String symbol, BigDecimal maxBorrowQuantity) {}
