package dev.bpx.client.stream;

/**
 * An event of {@code account.positionUpdate} or {@code account.positionUpdate.<symbol>}. On subscribe the
 * server first sends each open position without an event name: those arrive as {@link Snapshot}. An
 * event kind this SDK does not know arrives as {@link Unknown}. Thread-safe (immutable records).
 */
public sealed interface PositionUpdateEvent {

  /** {@return the position fields} */
  PositionUpdate position();

  /** A currently open position, sent on subscribe (no {@code e} field). */
  record Snapshot(PositionUpdate position) implements PositionUpdateEvent {}

  /** A position was opened ({@code positionOpened}). */
  record Opened(PositionUpdate position) implements PositionUpdateEvent {}

  /** A position changed ({@code positionAdjusted}). */
  record Adjusted(PositionUpdate position) implements PositionUpdateEvent {}

  /** A position was closed ({@code positionClosed}). */
  record Closed(PositionUpdate position) implements PositionUpdateEvent {}

  /**
   * An event kind this SDK does not know.
   *
   * @param eventType the raw {@code e} value
   */
  record Unknown(String eventType, PositionUpdate position) implements PositionUpdateEvent {}
}
