package dev.bpx.client.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the journal's hash chain: every complete line must be one JSON object whose {@code prevHash}
 * is the SHA-256 of the line before it (the last line of the previous file for a file's first line,
 * 64 zeros for the very first line). The first line that fails is reported.
 *
 * <p>A changed, removed or inserted line shows at the next line, whose {@code prevHash} no longer
 * matches. A chain cannot show a change to its own last line: anchor it by keeping {@link
 * JournalVerification#lastHash()} somewhere else. A torn last line of the last file (a crash while
 * writing) is reported in {@link JournalVerification#tornTail()} and does not make the chain broken;
 * anywhere else a line without its newline is a break.
 *
 * <p>Thread-safe (stateless).
 */
public final class JournalVerifier {
  private JournalVerifier() {}

  /**
   * {@return the verdict on the journal in {@code dir}}
   *
   * @throws IOException if a file cannot be read
   */
  public static JournalVerification verify(Path dir) throws IOException {
    List<Path> files = JournalFiles.list(dir);
    String prevHash = JournalFiles.ZERO_HASH;
    String prevAt = null;
    int checked = 0;
    String torn = null;
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      String name = file.getFileName().toString();
      byte[] bytes = Files.readAllBytes(file);
      int start = 0;
      int lineNumber = 0;
      while (start < bytes.length) {
        lineNumber++;
        String at = name + ":" + lineNumber;
        int nl = JournalReader.indexOf(bytes, start);
        if (nl < 0) {
          if (f == files.size() - 1) {
            torn = at + ": a half-written last line of " + (bytes.length - start) + " bytes (a crash while writing);"
                + " the next append moves it aside";
            break;
          }
          return broken(files.size(), checked, at, "the line has no newline but more files follow", prevHash);
        }
        String line = new String(bytes, start, nl - start, java.nio.charset.StandardCharsets.UTF_8);
        JournalRecord record;
        try {
          record = JournalFiles.CODEC.fromJson(line);
        } catch (IOException | RuntimeException e) {
          record = null;
        }
        if (record == null) {
          return broken(files.size(), checked, at, "the line is not one JSON object", prevHash);
        }
        if (!prevHash.equals(record.prevHash())) {
          String before = prevAt == null ? "64 zeros (the first line)" : "the SHA-256 of the line before (" + prevAt + ")";
          return broken(files.size(), checked, at, "prevHash " + record.prevHash() + " does not match " + before
              + ", " + prevHash + ": that line or this one was changed, or a line was removed or inserted between them",
              prevHash);
        }
        prevHash = JournalFiles.sha256Hex(bytes, start, nl - start);
        prevAt = at;
        checked++;
        start = nl + 1;
      }
    }
    return new JournalVerification(true, files.size(), checked, null, null, prevHash, torn);
  }

  private static JournalVerification broken(int files, int checked, String at, String problem, String lastGood) {
    return new JournalVerification(false, files, checked, at, problem, lastGood, null);
  }
}
