package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One settlement from {@code GET /wapi/v1/history/settlement} (fees, funding, realized PnL...).
 * See {@code backpack-api.md} section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param quantity settled quantity
 * @param source what caused the settlement
 * @param subaccountId subaccount id, or null
 * @param timestamp settlement time (wire: naive UTC)
 * @param userId user id
 * @param positionId position it belongs to (funding, realized PnL), or null
 * @param engineSequence engine sequence number, or null
 */
public record Settlement(
    BigDecimal quantity,
    SettlementSource source,
    Integer subaccountId,
    @NaiveUtc Instant timestamp,
    Long userId,
    String positionId,
    Long engineSequence) {}
