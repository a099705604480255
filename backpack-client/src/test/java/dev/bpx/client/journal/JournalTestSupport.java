package dev.bpx.client.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers for journal tests: a settable clock, lines of a file, and hashes from coreutils' sha256sum. */
final class JournalTestSupport {
  private JournalTestSupport() {}

  /** A clock the test moves by hand. */
  static JournalRecord place(long clientId) {
    return JournalRecord.intent("place").symbol("SOL_USDC").side("Bid").orderType("Limit")
        .quantity(new java.math.BigDecimal("1.50")).price(new java.math.BigDecimal("142.10")).clientId(clientId).build();
  }

  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  static String prevHash(String line) throws IOException {
    return JournalFiles.CODEC.fromJson(line).prevHash();
  }

  /**
   * {@return for each line of {@code file}, the SHA-256 of its bytes without the newline, as printed by
   * coreutils' {@code sha256sum} (run once per line by {@code sh}), not by any code of ours}
   */
  static List<String> sha256sumPerLine(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sh", "-c",
        "while IFS= read -r line; do printf '%s' \"$line\" | sha256sum; done < \"$1\"", "sh", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("sha256sum failed: " + out);
    }
    List<String> hashes = new ArrayList<>();
    for (String row : out.split("\n")) {
      if (!row.isBlank()) {
        hashes.add(row.substring(0, 64));
      }
    }
    return hashes;
  }
}
