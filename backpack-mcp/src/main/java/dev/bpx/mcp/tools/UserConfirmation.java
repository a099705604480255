package dev.bpx.mcp.tools;

import java.time.Duration;

/**
 * Asks the person at the MCP client to confirm something, and waits a bounded time for the answer.
 * Only the person can answer: nothing a tool call carries (no argument, no token) counts as a yes.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
interface UserConfirmation {
  /** A session that cannot ask anyone: every question is answered {@link Answer#UNSUPPORTED}. */
  UserConfirmation NONE = (summary, timeout) -> Answer.unsupported();

  /**
   * Shows {@code summary} and {@return the person's answer}; never throws.
   *
   * @param timeout how long to wait; no answer by then is {@link Answer.Kind#TIMED_OUT}
   */
  Answer ask(String summary, Duration timeout);

  /**
   * What came back.
   *
   * @param kind the outcome
   * @param detail why a request failed, for {@link Kind#FAILED}; else null
   */
  record Answer(Kind kind, String detail) {
    /** The outcomes; only {@link #CONFIRMED} lets an order through. */
    enum Kind {
      /** The person accepted and ticked yes. */
      CONFIRMED,
      /** The person declined, or accepted with the field set to no. */
      DECLINED,
      /** The person dismissed the question without choosing. */
      CANCELLED,
      /** No answer within the timeout. */
      TIMED_OUT,
      /** The client cannot ask (it did not declare form elicitation). */
      UNSUPPORTED,
      /** Asking failed (the session ended, a malformed answer). */
      FAILED
    }

    static Answer of(Kind kind) {
      return new Answer(kind, null);
    }

    static Answer unsupported() {
      return of(Kind.UNSUPPORTED);
    }

    boolean confirmed() {
      return kind == Kind.CONFIRMED;
    }
  }
}
