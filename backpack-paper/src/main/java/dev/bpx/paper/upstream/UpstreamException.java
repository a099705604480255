package dev.bpx.paper.upstream;

/**
 * The upstream exchange could not be read: unreachable, a non-2xx answer, or a body of the wrong
 * shape. The message names the URL path (never a query with anything private: the mirror sends none).
 */
public final class UpstreamException extends RuntimeException {
  public UpstreamException(String message) {
    super(message);
  }

  public UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
