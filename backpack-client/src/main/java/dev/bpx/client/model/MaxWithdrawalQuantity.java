package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The largest quantity of an asset the account may withdraw, from {@code GET
 * /api/v1/account/limits/withdrawal}; the flags echo the query. See {@code backpack-api.md} section
 * 2.2.
 *
 * <p>Thread-safe.
 *
 * @param symbol asset symbol
 * @param maxWithdrawalQuantity maximum withdrawal quantity
 * @param autoBorrow echoed flag, or null
 * @param autoLendRedeem echoed flag, or null
 */
public record MaxWithdrawalQuantity(
    String symbol, BigDecimal maxWithdrawalQuantity, Boolean autoBorrow, Boolean autoLendRedeem) {}
