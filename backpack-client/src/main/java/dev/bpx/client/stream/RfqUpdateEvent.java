package dev.bpx.client.stream;

/**
 * An event of {@code account.rfqUpdate} or {@code account.rfqUpdate.<symbol>}, as taker and as maker.
 * An event kind this SDK does not know arrives as {@link Unknown}. Thread-safe (immutable records).
 */
public sealed interface RfqUpdateEvent {

  /** {@return the RFQ fields} */
  RfqUpdate rfq();

  /** {@code rfqActive}. */
  record RfqActive(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code rfqAccepted}. */
  record RfqAccepted(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code rfqRefreshed}. */
  record RfqRefreshed(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code rfqCancelled}. */
  record RfqCancelled(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code rfqCandidate}. */
  record RfqCandidate(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code rfqFilled}. */
  record RfqFilled(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code quoteAccepted}. */
  record QuoteAccepted(RfqUpdate rfq) implements RfqUpdateEvent {}

  /** {@code quoteCancelled}. */
  record QuoteCancelled(RfqUpdate rfq) implements RfqUpdateEvent {}

  /**
   * An event kind this SDK does not know.
   *
   * @param eventType the raw {@code e} value
   */
  record Unknown(String eventType, RfqUpdate rfq) implements RfqUpdateEvent {}
}
