package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill from {@code GET /wapi/v1/history/fills} (spec {@code OrderFill}). See {@code
 * backpack-api.md} section 2.6.
 *
 * <p>Quirk kept on purpose: {@code clientId} is a <b>String</b> here, while orders carry it as a
 * uint32 number ({@link Order#clientId()}). Since 2025-04-22 system fills (liquidations, ADL,
 * conversions) are included; they carry a {@code systemOrderType}. Thread-safe.
 *
 * @param tradeId trade id, or null
 * @param orderId id of the order that filled
 * @param clientId the order's client id as text, or null
 * @param symbol market symbol
 * @param side fill side
 * @param price fill price
 * @param quantity fill quantity, in the base asset
 * @param fee fee charged, in {@code feeSymbol}
 * @param feeSymbol asset the fee was charged in
 * @param isMaker whether this side was the maker
 * @param systemOrderType kind of system order behind the fill, or null for the user's own
 * @param timestamp fill time (wire: naive UTC)
 */
public record Fill(
    Long tradeId,
    String orderId,
    String clientId,
    String symbol,
    Side side,
    BigDecimal price,
    BigDecimal quantity,
    BigDecimal fee,
    String feeSymbol,
    Boolean isMaker,
    SystemOrderType systemOrderType,
    @NaiveUtc Instant timestamp) {}
