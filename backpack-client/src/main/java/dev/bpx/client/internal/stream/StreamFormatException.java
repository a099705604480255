package dev.bpx.client.internal.stream;

/**
 * A stream event that does not have the shape the spec gives. Internal: the connection logs it (stream
 * name and message, never the payload of a private stream) and skips the frame.
 */
final class StreamFormatException extends RuntimeException {
  StreamFormatException(String message) {
    super(message);
  }
}
