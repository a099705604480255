package dev.bpx.mcp.stdio;

import dev.bpx.auth.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol output stream, wrapped to notice which requests have been answered, so that when stdin
 * ends the server can still deliver the answers to requests it already took (the SDK's transport stops
 * writing once its input ends, so the guard holds the end back until then).
 *
 * <p>Requests are noted by id when the guard forwards them; an answer is a line that starts
 * {@code {"jsonrpc":"2.0","id":<id>,"result"} or {@code ..."error"}, which is how the SDK writes every
 * response. Only the start of each line is kept, so large answers cost no extra memory.
 *
 * <p>Thread-safe: writers hold this stream's monitor (as the SDK's transport does), and the pending set
 * is guarded by its own lock.
 */
final class AnsweredRequests extends OutputStream {
  private static final int PREFIX_BYTES = 512;
  private static final Pattern RESPONSE =
      Pattern.compile("^\\{\"jsonrpc\":\"2\\.0\",\"id\":(-?[0-9]+|\"(?:[^\"\\\\]|\\\\.)*\"),\"(?:result|error)\"");

  private final OutputStream out;
  private final byte[] prefix = new byte[PREFIX_BYTES];
  private int prefixLength;
  private final Set<Object> pending = new HashSet<>();

  AnsweredRequests(OutputStream out) {
    this.out = out;
  }

  /** Notes a request about to be handed to the SDK. */
  void expect(Object id) {
    synchronized (pending) {
      pending.add(normalise(id));
    }
  }

  /**
   * Waits until every noted request has been answered, or {@code timeout} passes.
   *
   * @return whether all were answered
   */
  boolean awaitAllAnswered(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pending) {
      while (!pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        pending.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    scan(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    for (int i = offset; i < offset + length; i++) {
      scan(bytes[i]);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void scan(int b) {
    if (b == '\n') {
      lineEnded();
      prefixLength = 0;
    } else if (prefixLength < PREFIX_BYTES) {
      prefix[prefixLength++] = (byte) b;
    }
  }

  private void lineEnded() {
    Matcher m = RESPONSE.matcher(new String(prefix, 0, prefixLength, StandardCharsets.UTF_8));
    if (!m.find()) {
      return;
    }
    Object id;
    try {
      id = normalise(Json.parse(m.group(1)));
    } catch (IllegalArgumentException e) {
      return;
    }
    synchronized (pending) {
      if (pending.remove(id) && pending.isEmpty()) {
        pending.notifyAll();
      }
    }
  }

  /** Ids compare as text or as whole numbers, however they were spelled. */
  private static Object normalise(Object id) {
    return id instanceof BigDecimal n ? n.toBigIntegerExact() : id;
  }
}
