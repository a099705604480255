package dev.bpx.auth;

/**
 * A key given to {@link SigningKey} cannot be used: wrong encoding, wrong length, or a public key that
 * does not belong to the private key. The message says what is wrong and how to fix it, and never
 * contains any part of a key.
 *
 * <p>Thread-safe (immutable).
 */
public final class KeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  KeyFormatException(String message) {
    super(message);
  }

  KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
