package dev.bpx.mcp.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The input stream the MCP transport reads: checked lines, fed one at a time by {@link StdinGuard}.
 * A queue rather than {@code PipedInputStream}, which breaks when its writer thread ends.
 *
 * <p>Thread-safe: one producer, one consumer.
 */
final class LineFeed extends InputStream {
  private static final byte[] EOF = new byte[0];

  private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int position;
  private boolean ended;

  /** Queues one line; a newline is appended. */
  void offerLine(String line) {
    lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Marks the end of input: the reader sees end-of-stream once the queued lines are read. */
  void end() {
    lines.add(EOF);
  }

  @Override
  public synchronized int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return current[position++] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return ended ? 0 : current.length - position;
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    while (position >= current.length) {
      try {
        current = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for input");
      }
      position = 0;
      if (current == EOF) {
        ended = true;
        return false;
      }
    }
    return true;
  }
}
