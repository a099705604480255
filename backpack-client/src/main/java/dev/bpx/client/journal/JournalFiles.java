package dev.bpx.client.journal;

import com.squareup.moshi.JsonAdapter;
import dev.bpx.client.internal.json.JsonCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journal's files on disk: their names ({@code journal-YYYY-MM-DD-NNNN.jsonl}, which sort in
 * writing order), the hash that chains lines, the one JSON codec for lines, and reading a file's last
 * line. Thread-safe (stateless).
 */
final class JournalFiles {
  static final Pattern NAME = Pattern.compile("journal-(\\d{4}-\\d{2}-\\d{2})-(\\d{4,9})\\.jsonl");
  /** {@code prevHash} of the first line of the first file. */
  static final String ZERO_HASH = "0".repeat(64);
  static final JsonAdapter<JournalRecord> CODEC = JsonCodec.newMoshi().adapter(JournalRecord.class);
  private static final int TAIL_BLOCK = 8192;

  private JournalFiles() {}

  static String name(String date, int sequence) {
    return String.format(java.util.Locale.ROOT, "journal-%s-%04d.jsonl", date, sequence);
  }

  static String date(Path file) {
    return matcher(file).group(1);
  }

  static int sequence(Path file) {
    return Integer.parseInt(matcher(file).group(2));
  }

  private static Matcher matcher(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a journal file: " + file);
    }
    return m;
  }

  /** {@return the journal files of {@code dir} in writing order (date, then sequence); empty when there is no dir} */
  static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> files = new ArrayList<>();
      entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).forEach(files::add);
      files.sort(Comparator.comparing(JournalFiles::date).thenComparingInt(JournalFiles::sequence));
      return files;
    }
  }

  static String sha256Hex(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The end of a file: its last complete line (without the newline; null when it has none), where
   * that line's newline ends ({@code completeEnd}), and the file size. Bytes after {@code completeEnd}
   * are a torn line: a write cut short by a crash.
   */
  record Tail(byte[] lastLine, long completeEnd, long size) {
    long tornBytes() {
      return size - completeEnd;
    }
  }

  static Tail tail(FileChannel channel) throws IOException {
    long size = channel.size();
    byte[] seen = new byte[0];
    long seenFrom = size;
    int lastNewline = -1;
    while (seenFrom > 0) {
      int block = (int) Math.min(TAIL_BLOCK, seenFrom);
      seenFrom -= block;
      ByteBuffer buffer = ByteBuffer.allocate(block);
      while (buffer.hasRemaining() && channel.read(buffer, seenFrom + buffer.position()) >= 0) {
        // read until the block is full
      }
      byte[] joined = new byte[block + seen.length];
      System.arraycopy(buffer.array(), 0, joined, 0, block);
      System.arraycopy(seen, 0, joined, block, seen.length);
      seen = joined;
      lastNewline = lastIndexOf(seen, seen.length - 1);
      if (lastNewline >= 0 && lastIndexOf(seen, lastNewline - 1) >= 0) {
        break;
      }
    }
    if (lastNewline < 0) {
      return new Tail(null, 0, size);
    }
    int start = lastIndexOf(seen, lastNewline - 1) + 1;
    byte[] line = java.util.Arrays.copyOfRange(seen, start, lastNewline);
    return new Tail(line, seenFrom + lastNewline + 1, size);
  }

  private static int lastIndexOf(byte[] bytes, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
