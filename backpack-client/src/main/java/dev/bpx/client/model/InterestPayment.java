package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One interest payment from {@code GET /wapi/v1/history/interest}, on a borrow-lend position or on
 * unrealized futures PnL. See {@code backpack-api.md} section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param paymentType kind of payment
 * @param interestRate interest rate applied
 * @param interval duration the payment covers (the spec gives no unit; likely milliseconds,
 *     unconfirmed)
 * @param marketSymbol spot market (borrow-lend) or futures market (unrealized PnL) it belongs to
 * @param positionId position id
 * @param quantity payment quantity, in {@code symbol}
 * @param symbol asset symbol
 * @param timestamp payment time (wire: naive UTC)
 */
public record InterestPayment(
    PaymentType paymentType,
    BigDecimal interestRate,
    Long interval,
    String marketSymbol,
    String positionId,
    BigDecimal quantity,
    String symbol,
    @NaiveUtc Instant timestamp) {}
