package dev.bpx.paper;

/**
 * The upstream exchange whose public market data the paper exchange was to follow cannot be read
 * as the exchange starts (unreachable, refusing, or answering something that is not Backpack's API).
 * An embedder that can do without real prices may start again on simulated ones. The message names
 * the upstream and the cause; it never holds anything about an account.
 */
public final class UpstreamUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  UpstreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
