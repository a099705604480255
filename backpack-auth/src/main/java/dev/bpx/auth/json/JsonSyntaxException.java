package dev.bpx.auth.json;

/** Text given to {@link Json#parse} is not valid JSON; the message names the character offset. Thread-safe. */
public final class JsonSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  JsonSyntaxException(String message, int offset) {
    super(message + " at offset " + offset);
  }
}
