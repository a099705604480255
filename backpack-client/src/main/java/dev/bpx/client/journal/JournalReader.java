package dev.bpx.client.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the journal's records in writing order. It reads complete lines only: a torn last line is
 * left out, and a line that is not a record is skipped with a warning ({@link JournalVerifier} is the
 * tool that judges the chain). Thread-safe (stateless).
 */
public final class JournalReader {
  private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

  private final Path dir;

  /** @param dir the journal directory; a missing directory reads as empty */
  public JournalReader(Path dir) {
    this.dir = dir;
  }

  /**
   * {@return every record, oldest first}
   *
   * @throws IOException if a file cannot be read
   */
  public List<JournalRecord> readAll() throws IOException {
    return read(null, null, Integer.MAX_VALUE);
  }

  /**
   * {@return the newest {@code limit} records (oldest first) written at or after {@code since} and, when
   * {@code symbol} is given, about that market}
   *
   * @param since earliest time, or null for all
   * @param symbol market, or null for all (notes and account-wide actions have none)
   * @param limit most records returned, the newest ones
   * @throws IOException if a file cannot be read
   */
  public List<JournalRecord> read(Instant since, String symbol, int limit) throws IOException {
    String sinceDate = since == null ? null : LocalDate.ofInstant(since, ZoneOffset.UTC).toString();
    List<JournalRecord> out = new ArrayList<>();
    for (Path file : JournalFiles.list(dir)) {
      if (sinceDate != null && JournalFiles.date(file).compareTo(sinceDate) < 0) {
        continue; // a file of an earlier day holds only earlier lines
      }
      byte[] bytes = Files.readAllBytes(file);
      int start = 0;
      int lineNumber = 0;
      for (int nl = indexOf(bytes, start); nl >= 0; nl = indexOf(bytes, start)) {
        lineNumber++;
        String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
        start = nl + 1;
        JournalRecord record;
        try {
          record = JournalFiles.CODEC.fromJson(line);
        } catch (IOException | RuntimeException e) {
          LOG.warn("journal {}:{} is not a record, skipped ({}); run the journal verifier", file.getFileName(),
              lineNumber, e.getClass().getSimpleName());
          continue;
        }
        if (record == null || (since != null && record.instant().map(since::isAfter).orElse(true))
            || (symbol != null && !symbol.equals(record.symbol()))) {
          continue;
        }
        out.add(record);
      }
    }
    return out.size() <= limit ? out : new ArrayList<>(out.subList(out.size() - limit, out.size()));
  }

  static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
