package dev.bpx.client.stream;

import dev.bpx.client.model.RfqStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SystemOrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The fields of an {@code account.rfqUpdate} event. Either {@code quantity} or {@code quoteQuantity} is
 * present, never both. Thread-safe (immutable).
 *
 * @param rfqId RFQ id ({@code R})
 * @param quoteId quote id ({@code u})
 * @param clientId client RFQ id or client quote id ({@code C})
 * @param symbol market ({@code s})
 * @param side RFQ side ({@code S})
 * @param quantity quantity in base ({@code q})
 * @param quoteQuantity quantity in quote ({@code Q})
 * @param price price of the quote or fill ({@code p})
 * @param submittedAt submission time ({@code w}, <b>milliseconds</b> on the wire)
 * @param expiresAt expiry time ({@code W}, milliseconds)
 * @param status RFQ or quote status ({@code X})
 * @param systemOrderType system order type on system-initiated RFQs ({@code o})
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record RfqUpdate(Long rfqId, Long quoteId, String clientId, String symbol, Side side, BigDecimal quantity,
    BigDecimal quoteQuantity, BigDecimal price, Instant submittedAt, Instant expiresAt, RfqStatus status,
    SystemOrderType systemOrderType, Instant eventTime, Instant engineTime) {}
