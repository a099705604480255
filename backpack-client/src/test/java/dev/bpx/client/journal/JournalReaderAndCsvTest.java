package dev.bpx.client.journal;

import dev.bpx.client.MovableClock;

import static dev.bpx.client.journal.JournalTestSupport.place;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderAndCsvTest {
  @TempDir Path dir;
  private final MovableClock clock = MovableClock.at("2026-11-29T10:00:00Z");

  @Test
  void readFiltersBySinceAndSymbolAndKeepsTheNewestWithinTheLimit() throws Exception {
    JournalWriter writer = new JournalWriter(dir, clock, JournalWriter.DEFAULT_MAX_FILE_BYTES);
    writer.append(place(1));
    clock.advance(Duration.ofDays(1));
    writer.append(place(2));
    writer.append(JournalRecord.intent("place").symbol("BTC_USDC").clientId(3L).build());
    clock.advance(Duration.ofMinutes(1));
    writer.append(place(4));
    JournalReader reader = new JournalReader(dir);

    assertThat(reader.readAll()).extracting(JournalRecord::clientId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(reader.read(Instant.parse("2026-11-30T00:00:00Z"), null, 100)).extracting(JournalRecord::clientId)
        .containsExactly(2L, 3L, 4L);
    assertThat(reader.read(null, "SOL_USDC", 2)).extracting(JournalRecord::clientId).containsExactly(2L, 4L);
    assertThat(reader.read(Instant.parse("2026-11-30T10:00:30Z"), "SOL_USDC", 10)).extracting(JournalRecord::clientId)
        .containsExactly(4L);
  }

  @Test
  void csvFollowsRfc4180QuotingCommasQuotesAndLineBreaks() throws Exception {
    JournalRecord record = new JournalWriter(dir, clock, JournalWriter.DEFAULT_MAX_FILE_BYTES)
        .append(JournalRecord.intent("settings").detail("{autoLend=true, leverageLimit=5}").reason("said \"no\"\r\nthen").build());
    StringBuilder out = new StringBuilder();

    JournalCsv.write(List.of(record), out);

    String[] rows = out.toString().split("\r\n", 2);
    assertThat(rows[0]).isEqualTo(String.join(",", JournalCsv.COLUMNS));
    assertThat(rows[1]).isEqualTo("0".repeat(64) + ",1,2026-11-29T10:00:00Z," + record.id()
        + ",intent,settings,,,,,,,,,,,,,,,\"{autoLend=true, leverageLimit=5}\",\"said \"\"no\"\"\r\nthen\"\r\n");
  }
}
