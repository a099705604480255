package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.TimedCommand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever text a command carries, the journal reads back exactly what it wrote. */
class JournalTextTest {
  /** Controls, quote, backslash, slash, DEL, U+2028/2029, astral, and lone surrogates (once written as '?'). */
  private static final String EVERY_CLASS = "\u0000\u001f\n\t\"\\/\u007f é\u2028\u2029\ud83d\ude00 \ud800 \udc00";

  @TempDir
  Path dir;

  @Test
  void stringsOfEveryCharacterClassAndDecimalScalesSurviveAWriteAndAReopen() {
    Path file = dir.resolve("state.journal");
    List<Journal.Recorded> written = List.of(
        new Journal.Recorded(new TimedCommand(1_000L, new Command.CreateAccount(EVERY_CLASS)),
            Outcome.Accepted.NOTHING),
        new Journal.Recorded(new TimedCommand(2_000L, new Command.Fund(EVERY_CLASS, EVERY_CLASS,
            new BigDecimal("2.50E+3"))), new Outcome.Rejected(EVERY_CLASS)));
    try (Journal journal = Journal.open(file, new Journal.Header(7, 1_000L), false)) {
      written.forEach(journal::append);
    }

    try (Journal reopened = Journal.open(file, new Journal.Header(8, 9L), false)) {
      assertThat(reopened.entries()).extracting(Journal.Entry::command)
          .containsExactly(written.get(0).command(), written.get(1).command());
      assertThat(reopened.entries()).extracting(Journal.Entry::outcome)
          .containsExactly(written.get(0).outcome(), written.get(1).outcome());
    }
  }
}
