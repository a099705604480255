package dev.bpx.client.journal;

import dev.bpx.client.MovableClock;

import static dev.bpx.client.journal.JournalTestSupport.lines;
import static dev.bpx.client.journal.JournalTestSupport.place;
import static dev.bpx.client.journal.JournalTestSupport.prevHash;
import static dev.bpx.client.journal.JournalTestSupport.sha256sumPerLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
  @TempDir Path dir;
  private final MovableClock clock = MovableClock.at("2026-11-30T22:50:01.123Z");

  private JournalWriter writer(long maxFileBytes) {
    return new JournalWriter(dir, clock, maxFileBytes);
  }

  @Test
  void eachLineCarriesTheSha256OfThePreviousLineAsCoreutilsComputesIt() throws Exception {
    JournalWriter writer = writer(JournalWriter.DEFAULT_MAX_FILE_BYTES);
    for (int i = 0; i < 5; i++) {
      writer.append(place(100 + i));
    }

    Path file = dir.resolve("journal-2026-11-30-0001.jsonl");
    List<String> lines = lines(file);
    List<String> sha256sum = sha256sumPerLine(file);
    assertThat(lines).hasSize(5);
    assertThat(prevHash(lines.get(0))).isEqualTo("0".repeat(64));
    for (int i = 1; i < lines.size(); i++) {
      assertThat(prevHash(lines.get(i))).as("line %d", i + 1).isEqualTo(sha256sum.get(i - 1));
    }
    assertThat(lines.get(0)).startsWith("{\"prevHash\":\"" + "0".repeat(64) + "\",\"v\":1,\"time\":\"2026-11-30T22:50:01.123Z\"")
        .contains("\"type\":\"intent\",\"action\":\"place\",\"symbol\":\"SOL_USDC\",\"side\":\"Bid\"")
        .contains("\"quantity\":\"1.50\",\"price\":\"142.10\"").contains("\"clientId\":100");
    assertThat(JournalVerifier.verify(dir).intact()).isTrue();
  }

  @Test
  void aNewUtcDayStartsANewFileWhoseFirstLineChainsToTheLastLineOfTheDayBefore() throws Exception {
    JournalWriter writer = writer(JournalWriter.DEFAULT_MAX_FILE_BYTES);
    writer.append(place(1));
    writer.append(place(2));
    clock.advance(Duration.ofHours(2)); // 00:50 on Dec 1
    writer.append(place(3));

    Path first = dir.resolve("journal-2026-11-30-0001.jsonl");
    Path second = dir.resolve("journal-2026-12-01-0001.jsonl");
    assertThat(lines(first)).hasSize(2);
    assertThat(lines(second)).hasSize(1);
    assertThat(prevHash(lines(second).get(0))).isEqualTo(sha256sumPerLine(first).get(1));
    JournalVerification verdict = JournalVerifier.verify(dir);
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.files()).isEqualTo(2);
    assertThat(verdict.lines()).isEqualTo(3);
    assertThat(verdict.lastHash()).isEqualTo(sha256sumPerLine(second).get(0));
  }

  @Test
  void aFileThatReachedTheSizeLimitIsFollowedByTheNextNumberOfTheSameDay() throws Exception {
    JournalWriter writer = writer(600);
    for (int i = 0; i < 8; i++) {
      writer.append(place(i));
    }

    List<Path> files = JournalFiles.list(dir);
    assertThat(files).extracting(p -> p.getFileName().toString()).startsWith("journal-2026-11-30-0001.jsonl",
        "journal-2026-11-30-0002.jsonl").hasSizeGreaterThan(2);
    for (int f = 1; f < files.size(); f++) {
      List<String> previous = sha256sumPerLine(files.get(f - 1));
      assertThat(prevHash(lines(files.get(f)).get(0))).isEqualTo(previous.get(previous.size() - 1));
    }
    assertThat(JournalVerifier.verify(dir)).extracting(JournalVerification::intact, JournalVerification::lines)
        .containsExactly(true, 8);
  }

  @Test
  void aTornLastLineIsReportedThenMovedAsideAndTheChainContinuesFromTheLastCompleteLine() throws Exception {
    JournalWriter writer = writer(JournalWriter.DEFAULT_MAX_FILE_BYTES);
    writer.append(place(1));
    writer.append(place(2));
    Path file = dir.resolve("journal-2026-11-30-0001.jsonl");
    String secondLine = lines(file).get(1);
    Files.write(file, "{\"prevHash\":\"ab".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND); // crash mid-write

    JournalVerification torn = JournalVerifier.verify(dir);
    assertThat(torn.intact()).isTrue();
    assertThat(torn.lines()).isEqualTo(2);
    assertThat(torn.tornTail()).startsWith("journal-2026-11-30-0001.jsonl:3: a half-written last line of 15 bytes");
    assertThat(new JournalReader(dir).readAll()).hasSize(2);

    writer.append(place(3));

    List<String> lines = lines(file);
    assertThat(lines).hasSize(4);
    assertThat(prevHash(lines.get(2))).isEqualTo(sha256sumPerLine(file).get(1));
    assertThat(JournalFiles.CODEC.fromJson(lines.get(2))).extracting(JournalRecord::type, JournalRecord::action)
        .containsExactly("note", "journal");
    assertThat(lines.get(2)).contains("a half-written line of 15 bytes");
    assertThat(JournalFiles.CODEC.fromJson(lines.get(3)).clientId()).isEqualTo(3L);
    assertThat(lines.get(1)).isEqualTo(secondLine);
    try (var aside = Files.list(dir)) {
      Path moved = aside.filter(p -> p.getFileName().toString().startsWith("journal-2026-11-30-0001.jsonl.torn-"))
          .findFirst().orElseThrow();
      assertThat(Files.readString(moved)).isEqualTo("{\"prevHash\":\"ab");
    }
    JournalVerification after = JournalVerifier.verify(dir);
    assertThat(after.intact()).isTrue();
    assertThat(after.tornTail()).isNull();
  }

  @Test
  void changingOneByteOfALineBreaksTheChainAtTheNextLineAndVerifyNamesIt() throws Exception {
    JournalWriter writer = writer(JournalWriter.DEFAULT_MAX_FILE_BYTES);
    for (int i = 0; i < 5; i++) {
      writer.append(place(100 + i));
    }
    Path file = dir.resolve("journal-2026-11-30-0001.jsonl");
    String text = Files.readString(file);
    List<String> lines = lines(file);
    int third = text.indexOf(lines.get(2));
    // The third line's price 142.10 becomes 142.90: still valid JSON, its own prevHash untouched.
    int price = text.indexOf("142.10", third);
    Files.writeString(file, text.substring(0, price) + "142.90" + text.substring(price + 6));

    JournalVerification verdict = JournalVerifier.verify(dir);

    assertThat(verdict.intact()).isFalse();
    assertThat(verdict.brokenAt()).isEqualTo("journal-2026-11-30-0001.jsonl:4");
    assertThat(verdict.problem()).contains("the SHA-256 of the line before (journal-2026-11-30-0001.jsonl:3)");
    assertThat(verdict.lines()).isEqualTo(3);
  }

  @Test
  void aLineThatIsNotJsonIsTheFirstBrokenLine() throws Exception {
    JournalWriter writer = writer(JournalWriter.DEFAULT_MAX_FILE_BYTES);
    writer.append(place(1));
    Path file = dir.resolve("journal-2026-11-30-0001.jsonl");
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);

    JournalVerification verdict = JournalVerifier.verify(dir);

    assertThat(verdict.brokenAt()).isEqualTo("journal-2026-11-30-0001.jsonl:2");
    assertThat(verdict.problem()).isEqualTo("the line is not one JSON object");
  }

  @Test
  void twoThreadsWithTheirOwnWritersOnOneDirectoryKeepOneUnbrokenChain() throws Exception {
    JournalWriter a = writer(4096);
    JournalWriter b = writer(4096);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> appendMany(a, 0, failures));
    Thread second = new Thread(() -> appendMany(b, 10_000, failures));
    first.start();
    second.start();
    first.join();
    second.join();

    assertThat(failures).isEmpty();
    assertThat(JournalVerifier.verify(dir)).extracting(JournalVerification::intact, JournalVerification::lines)
        .containsExactly(true, 300);
    Set<Long> clientIds = new HashSet<>();
    new JournalReader(dir).readAll().forEach(r -> clientIds.add(r.clientId()));
    assertThat(clientIds).hasSize(300);
  }

  private static void appendMany(JournalWriter writer, long base, List<Throwable> failures) {
    try {
      for (int i = 0; i < 150; i++) {
        writer.append(place(base + i));
      }
    } catch (IOException | RuntimeException e) {
      failures.add(e);
    }
  }

  @Test
  void twoProcessesAppendingToOneDirectoryTakeTurnsAndKeepOneUnbrokenChain() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      processes.add(new ProcessBuilder(java, "-cp", classpath, JournalAppendMain.class.getName(), dir.toString(), "100",
          Long.toString(p * 10_000L)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }

    JournalVerification verdict = JournalVerifier.verify(dir);
    assertThat(verdict.intact()).as(verdict.toString()).isTrue();
    assertThat(verdict.lines()).isEqualTo(200);
    List<String> all = new ArrayList<>();
    for (Path file : JournalFiles.list(dir)) {
      all.addAll(lines(file));
    }
    assertThat(all).hasSize(200);
  }
}
