package dev.bpx.client.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of the trade journal: an intent written before a request that can change the account is
 * sent, the outcome written after it, or a note from the journal itself. An outcome's {@code ref} is
 * its intent's {@code id}. Absent fields are {@code null} and left out of the line.
 *
 * <p>Order fields only, never a key, signature or header. Amounts are decimal strings.
 *
 * @param prevHash lowercase hex SHA-256 of the previous line's exact bytes (64 zeros on the very first line)
 * @param v format version, {@value #VERSION}
 * @param time when the line was written, ISO-8601 UTC ({@code 2026-11-30T22:50:01.123Z})
 * @param id this line's id (random UUID)
 * @param type {@code intent}, {@code outcome} or {@code note}
 * @param action {@code place}, {@code close}, {@code batch}, {@code cancel}, {@code cancelAll},
 *     {@code emergencyStop}, {@code lend}, {@code redeem}, {@code settings}; {@code journal} for notes
 * @param ref for an outcome, the id of its intent
 * @param result for an outcome: {@code placed}, {@code cancelled}, {@code accepted} (cancel queued),
 *     {@code closed} (no longer open), {@code done}, {@code failed} (an emergency stop with failed steps),
 *     {@code refused}, {@code notSent}, {@code notPlaced}, {@code unknown}; from {@link Journal#reconcile()}
 *     also {@code notFound} and {@code unresolved}
 * @param symbol market
 * @param side {@code Bid} or {@code Ask}
 * @param orderType e.g. {@code Limit}
 * @param quantity base quantity (for lend and redeem: the asset quantity)
 * @param quoteQuantity quote quantity of a market order
 * @param price limit price
 * @param triggerPrice trigger price
 * @param reduceOnly whether the order only reduces a position
 * @param clientId the order's clientId
 * @param orderId the exchange's order id
 * @param status the order's status as the exchange reported it
 * @param asset the asset of a lend or redeem
 * @param detail more, in words (e.g. the settings changed, or an emergency stop's counts)
 * @param reason why: the refusal, the failure, or how an outcome was found
 */
public record JournalRecord(
    String prevHash, Integer v, String time, String id, String type, String action, String ref, String result,
    String symbol, String side, String orderType, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal price,
    BigDecimal triggerPrice, Boolean reduceOnly, Long clientId, String orderId, String status, String asset,
    String detail, String reason) {

  /** The format version written in {@code v}. */
  public static final int VERSION = 1;
  /** {@code type} of a record written before sending. */
  public static final String INTENT = "intent";
  /** {@code type} of a record written after the answer. */
  public static final String OUTCOME = "outcome";
  /** {@code type} of a record about the journal itself (e.g. a torn line moved aside). */
  public static final String NOTE = "note";

  /** {@return whether this is an intent} */
  public boolean isIntent() {
    return INTENT.equals(type);
  }

  /** {@return whether this is an outcome} */
  public boolean isOutcome() {
    return OUTCOME.equals(type);
  }

  /** {@return {@link #time} as an instant; empty when absent or unreadable} */
  public Optional<Instant> instant() {
    try {
      return time == null ? Optional.empty() : Optional.of(Instant.parse(time));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@return this record chained: with {@code prevHash}, {@code v} and {@code time} set} */
  JournalRecord chained(String prevHash, Instant at) {
    return new JournalRecord(prevHash, VERSION, at.toString(), id, type, action, ref, result, symbol, side, orderType,
        quantity, quoteQuantity, price, triggerPrice, reduceOnly, clientId, orderId, status, asset, detail, reason);
  }

  /** {@return a builder of an intent for {@code action}, with a new id} */
  public static Builder intent(String action) {
    return new Builder(INTENT, action);
  }

  /** {@return a builder of the outcome of {@code intent}: same action and order fields, {@code ref} set} */
  public static Builder outcome(JournalRecord intent, String result) {
    Builder b = new Builder(OUTCOME, intent.action);
    b.ref = intent.id;
    b.result = result;
    b.symbol = intent.symbol;
    b.side = intent.side;
    b.clientId = intent.clientId;
    b.orderId = intent.orderId;
    b.asset = intent.asset;
    return b;
  }

  /** {@return a builder of a note} */
  static Builder note(String detail) {
    Builder b = new Builder(NOTE, "journal");
    b.detail = detail;
    return b;
  }

  /** Builds a record; the writer adds {@code prevHash}, {@code v} and {@code time}. Not thread-safe. */
  public static final class Builder {
    private final String type;
    private final String action;
    private final String id = java.util.UUID.randomUUID().toString();
    private String ref;
    private String result;
    private String symbol;
    private String side;
    private String orderType;
    private BigDecimal quantity;
    private BigDecimal quoteQuantity;
    private BigDecimal price;
    private BigDecimal triggerPrice;
    private Boolean reduceOnly;
    private Long clientId;
    private String orderId;
    private String status;
    private String asset;
    private String detail;
    private String reason;

    private Builder(String type, String action) {
      this.type = type;
      this.action = action;
    }

    /** @return this */
    public Builder symbol(String value) {
      symbol = value;
      return this;
    }

    /** @return this */
    public Builder side(String value) {
      side = value;
      return this;
    }

    /** @return this */
    public Builder orderType(String value) {
      orderType = value;
      return this;
    }

    /** @return this */
    public Builder quantity(BigDecimal value) {
      quantity = value;
      return this;
    }

    /** @return this */
    public Builder quoteQuantity(BigDecimal value) {
      quoteQuantity = value;
      return this;
    }

    /** @return this */
    public Builder price(BigDecimal value) {
      price = value;
      return this;
    }

    /** @return this */
    public Builder triggerPrice(BigDecimal value) {
      triggerPrice = value;
      return this;
    }

    /** @return this */
    public Builder reduceOnly(Boolean value) {
      reduceOnly = value;
      return this;
    }

    /** @return this */
    public Builder clientId(Long value) {
      clientId = value;
      return this;
    }

    /** @return this */
    public Builder orderId(String value) {
      orderId = value;
      return this;
    }

    /** @return this */
    public Builder status(String value) {
      status = value;
      return this;
    }

    /** @return this */
    public Builder asset(String value) {
      asset = value;
      return this;
    }

    /** @return this */
    public Builder detail(String value) {
      detail = value;
      return this;
    }

    /** @return this */
    public Builder reason(String value) {
      reason = value;
      return this;
    }

    /** {@return the record, not yet chained} */
    public JournalRecord build() {
      return new JournalRecord(null, null, null, id, type, action, ref, result, symbol, side, orderType, quantity,
          quoteQuantity, price, triggerPrice, reduceOnly, clientId, orderId, status, asset, detail, reason);
    }
  }
}
