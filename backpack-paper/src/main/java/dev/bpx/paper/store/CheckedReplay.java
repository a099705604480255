package dev.bpx.paper.store;

import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.engine.CommandHandler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a journal into both replicas and checks each command's outcome, never skipping one.
 *
 * <p>Version 3 recorded every command's outcome (refusals included): the replay must re-derive it
 * exactly, the same order ids with the same statuses, the same refusal codes. Otherwise this
 * version of the exchange would show the user a state other than the one it acknowledged, so
 * start-up stops with the file and line.
 *
 * <p>Versions 1 and 2 recorded no outcomes, but journaled a command only after it had been applied
 * (refusals were not journaled): a command refused on replay stops start-up the same way. Their
 * batches were journaled whole, each order placed or refused on its own, and which ones were
 * refused was not recorded; an order of a batch refused on replay is therefore reported (WARN with
 * the file, line and codes) rather than refused, since it was most likely refused when it ran too.
 * The outcomes found are recorded when the journal is migrated, so from then on they are checked.
 */
final class CheckedReplay {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedReplay.class);

  private CheckedReplay() {}

  /**
   * {@return each command's outcome, in order}
   *
   * @throws IllegalStateException naming the journal and the line where the replay diverged
   */
  static List<Outcome> run(Journal journal, CommandHandler first, CommandHandler second) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Journal.Entry entry : journal.entries()) {
      Outcome replayed = first.applyForOutcome(entry.command());
      Outcome again = second.applyForOutcome(entry.command());
      if (!replayed.equals(again)) {
        throw diverged(journal, entry, "the two replicas disagree: " + OutcomeCodec.describe(replayed)
            + " and " + OutcomeCodec.describe(again));
      }
      if (entry.outcome() != null) {
        if (!entry.outcome().equals(replayed)) {
          throw diverged(journal, entry, "recorded " + OutcomeCodec.describe(entry.outcome()) + ", replayed "
              + OutcomeCodec.describe(replayed));
        }
      } else if (replayed instanceof Outcome.Rejected) {
        throw diverged(journal, entry, "it was applied when it ran (version 1 and 2 journals hold applied "
            + "commands only), it is refused now: " + OutcomeCodec.describe(replayed));
      } else if (replayed instanceof Outcome.Batch batch) {
        List<String> refused = batch.items().stream().filter(Outcome.Rejected.class::isInstance)
            .map(OutcomeCodec::describe).toList();
        if (!refused.isEmpty()) {
          LOG.warn("journal {} line {}: {} of the {} orders of a batch are refused on replay ({}); the old journal "
                  + "did not record which orders the batch placed", journal.file(), entry.line(), refused.size(),
              batch.items().size(), String.join(", ", refused));
        }
      }
      outcomes.add(replayed);
    }
    return outcomes;
  }

  private static IllegalStateException diverged(Journal journal, Journal.Entry entry, String detail) {
    // The type, line and time identify the command; its key and payload stay out of the message.
    return new IllegalStateException("journal " + journal.file() + " line " + entry.line() + ": the replay of a `"
        + CommandCodec.type(entry.command().command()) + "` command at time " + entry.command().time()
        + " diverged from what the exchange acknowledged (" + detail + "). The exchange does not start rather"
        + " than change a user's state without a word: start the version that wrote the journal, or move the"
        + " file aside to start afresh.");
  }
}
