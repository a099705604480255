package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding payment from {@code GET /wapi/v1/history/funding}. See {@code backpack-api.md}
 * section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param userId user id
 * @param subaccountId subaccount id, or null
 * @param symbol perp market symbol
 * @param quantity payment in the settlement asset: positive received, negative paid
 * @param intervalEndTimestamp end of the funding interval (wire: naive UTC)
 * @param fundingRate funding rate of the interval, a fraction
 */
public record FundingPayment(
    Long userId,
    Integer subaccountId,
    String symbol,
    BigDecimal quantity,
    @NaiveUtc Instant intervalEndTimestamp,
    BigDecimal fundingRate) {}
