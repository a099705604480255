package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * One asset's entry in {@code GET /api/v1/capital}, an object keyed by asset symbol (spec {@code
 * Balance}); decode the whole body with {@code JsonCodec.capitalBalancesAdapter}. See {@code
 * backpack-api.md} sections 2.2 and 6.4.
 *
 * <p>Lent funds are <b>not</b> included here; {@link Balance} adds them. Thread-safe.
 *
 * @param available free to use
 * @param locked held by open orders
 * @param staked staked
 */
public record CapitalBalance(BigDecimal available, BigDecimal locked, BigDecimal staked) {}
