package dev.bpx.mcp.stdio;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps the process's stdout for JSON-RPC alone.
 *
 * <p>{@link #claim()} takes the real stdout file descriptor for the transport and points
 * the JVM's standard-output print stream at stderr, so that a stray println in any library cannot
 * corrupt the protocol stream. It must run before anything else in {@code main}.
 *
 * <p>Thread-safe.
 */
public final class StdoutGuard {
  private static OutputStream protocolOut;

  private StdoutGuard() {}

  /**
   * {@return the stream that carries JSON-RPC: the real stdout, taken once; later calls return the
   * same stream}
   */
  public static synchronized OutputStream claim() {
    if (protocolOut == null) {
      protocolOut = new FileOutputStream(FileDescriptor.out);
      System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    }
    return protocolOut;
  }
}
