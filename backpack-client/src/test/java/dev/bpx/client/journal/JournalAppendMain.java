package dev.bpx.client.journal;

import java.nio.file.Path;
import java.time.Clock;

/** Run as a separate JVM by {@link JournalWriterTest}: appends {@code args[1]} intents to the journal in {@code args[0]}. */
public final class JournalAppendMain {
  private JournalAppendMain() {}

  public static void main(String[] args) throws Exception {
    JournalWriter writer = new JournalWriter(Path.of(args[0]), Clock.systemUTC(), JournalWriter.DEFAULT_MAX_FILE_BYTES);
    int count = Integer.parseInt(args[1]);
    long base = Long.parseLong(args[2]);
    for (int i = 0; i < count; i++) {
      writer.append(JournalTestSupport.place(base + i));
    }
  }
}
