package dev.bpx.paper.store;

import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.TimedCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of commands, one JSON object per line. The first line is a header with
 * the format version, the seed and the start time; after compaction the second line is a snapshot
 * of the engine state (and the clock offset) that the commands which follow start from. Versions 3
 * and 4 store each typed command ({@link CommandCodec}) with the time it ran at and its outcome
 * ({@link OutcomeCodec}): {@code {"t":time,"c":type,"k":apiKey,"p":fields,"o":outcome}}. Versions 1
 * and 2 stored the request payloads as received and no outcome: they are read through
 * {@link CommandKind#parseLegacy} and, once replayed, rewritten in the current version ({@link #migrate}). A version 3 file is read and
 * appended to as it is (version 4 only added the {@code upstream} command, which only an exchange on
 * upstream prices writes, to files it creates). A newer version is refused. {@link #append} collects
 * lines and {@link #flush} writes them and (by default) forces them to disk with one fsync; the
 * writer flushes before it answers, so a command is durable before its response is sent. A torn last line
 * (a crash mid-write) is ignored and cut off on open: it was never acknowledged. A line that is not
 * JSON with whole lines after it, or JSON that is not a command, is damage: the open fails.
 *
 * <p>{@link #compact} replaces the file atomically: it writes header and snapshot to a sibling
 * {@code .compact} file, forces it to disk, renames it over the journal and forces the directory.
 * A crash before the rename leaves the old journal whole (the leftover is deleted on open); after
 * it, the new one. Either holds every acknowledged command.
 *
 * <p>Three package-private classes do the work: {@link JournalReader} reads a file of any version at open,
 * {@link JournalLines} writes the current version's lines and {@link JournalFile} makes them durable (group
 * commit, fsync, the atomic replacement).
 *
 * <p>Not thread-safe; the engine's writer thread owns appends, flushes and compaction.
 */
public final class Journal implements AutoCloseable {
  /**
   * Version 6: as 5, with two switches an older state's file gets once, after its replay, and a new state has from
   * its birth. Trade ids are a sequence per market ({@code engine/TradeIds}): the {@code tradeIds} command switches
   * to them (the header says {@code "tradeIds":"shared"} when rewritten from versions 1 and 2: commands before the
   * switch replay under the old numbering, so the ids they handed out stay). The markets' price bands are enforced:
   * {@code "priceBands":true} in the header of a state made with them, the {@code priceBands} command (enforced from
   * here on) for a state made before; a version 5 reader would replay such a file without them and refuses it instead.
   * Version 5: as 4, plus the upstream's market list in the header (the list the state was made on, or the one
   * its snapshot was taken under) and the {@code markets} command (the list changed). Version 4: as 3, plus the {@code upstream} command (upstream market data that changed state, see
   * {@code Command.UpstreamData}); a version 3 reader refuses such a file rather than misread it.
   * Version 3: typed commands with their outcomes. Version 2: the walk starts at birth (prehistory
   * generated), snapshots may follow the header, request payloads as received. Version 1: the walk
   * started before birth.
   */
  static final int VERSION = 6;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /**
   * The header line's content.
   *
   * @param market the market the state belongs to, as {@code PaperExchange.marketData()} says it (e.g.
   *     {@code "real market data from https://api.backpack.exchange"}); null for simulated prices, which
   *     is what every header before upstream prices meant and what their line leaves out
   * @param marketList upstream prices: the markets and assets the engine is built with before the commands (or the
   *     snapshot) that follow; null on simulated prices (the list is the code's) and in headers before version 5
   * @param sharedTradeIds whether the commands (and snapshot) that follow were numbered as before version 6 (one
   *     counter for users' fills, see {@code engine/TradeIds}) until a {@code tradeIds} command: every header read
   *     from an older file; a version 6 header says {@code "tradeIds":"shared"} only when rewritten from such a file
   * @param priceBands whether the commands that follow (or the snapshot's state) were run with the markets' price
   *     bands enforced; false in headers before version 6, whose orders were accepted without them (the replay
   *     runs them so, up to the {@code priceBands} command the exchange journals when it first opens such a file)
   */
  public record Header(long seed, long startMillis, String market, dev.bpx.paper.market.MarketList marketList,
                       boolean sharedTradeIds, boolean priceBands) {
    /** A new state's header: trades numbered per market and the price bands enforced from its birth. */
    public Header(long seed, long startMillis) {
      this(seed, startMillis, null, null);
    }

    /** A new state's header, as above. */
    public Header(long seed, long startMillis, String market) {
      this(seed, startMillis, market, null);
    }

    /** A new state's header, as above. */
    public Header(long seed, long startMillis, String market, dev.bpx.paper.market.MarketList marketList) {
      this(seed, startMillis, market, marketList, false, true);
    }
  }

  /** A snapshot line's content: the engine state as JSON values and the clock offset then. */
  public record Snapshot(Map<String, Object> state, long clockOffsetMillis) {}

  /** What the writer appends: a command at the time it ran and what it did. */
  public record Recorded(TimedCommand command, Outcome outcome) {}

  /**
   * A command read from the file.
   *
   * @param line the 1-based line number in the file, for messages
   * @param outcome as recorded; null in a version 1 or 2 journal, which recorded none
   */
  public record Entry(long line, TimedCommand command, Outcome outcome) {}

  private final Path file;
  private final JournalFile out;
  private Header header;
  private final Snapshot snapshot;
  private int version;
  private final List<Entry> entries;
  private long appendedSinceOpen;

  private Journal(Path file, JournalFile out, Header header, int version, Snapshot snapshot, List<Entry> entries) {
    this.file = file;
    this.out = out;
    this.header = header;
    this.version = version;
    this.snapshot = snapshot;
    this.entries = entries;
  }

  /**
   * Opens (or creates with the given header) a journal, reading the commands it holds ({@link JournalReader}).
   *
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static Journal open(Path file, Header fresh, boolean fsync) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      JournalFile.deleteLeftover(file);
      JournalReader.Contents read = JournalReader.read(file, fresh);
      JournalFile out = JournalFile.open(file, read.goodBytes(), fsync);
      Journal j = new Journal(file, out, read.header() != null ? read.header() : fresh, read.version(), read.snapshot(),
          read.entries());
      if (read.header() == null) {
        out.write(JournalLines.header(fresh));
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  public Header header() {
    return header;
  }

  /** {@return the snapshot the commands start from, if the journal was compacted} */
  public Optional<Snapshot> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  public Path file() {
    return file;
  }

  /** {@return whether the file is in an older format, with no outcomes: replay, then {@link #migrate}} */
  public boolean isLegacy() {
    // Version 3 lines are version 4 lines (4 only added a command kind): such a file is left as it is.
    return version < 3;
  }

  /** {@return the commands in the file: those read at open plus those appended since} */
  public long commandCount() {
    return entries.size() + appendedSinceOpen;
  }

  /**
   * Replaces the journal by its header and a snapshot of the state every command so far led to,
   * crash-safely (see the class comment). Later appends go to the new file.
   *
   * @throws UncheckedIOException if the new file cannot be written; the old journal then stays
   */
  public void compact(Map<String, Object> state, long clockOffsetMillis) {
    compact(state, clockOffsetMillis, header.marketList(), header.priceBands());
  }

  /**
   * As {@link #compact(Map, long)}, with the market list the snapshot's engine trades (upstream prices: the
   * header's list with every {@code markets} command so far applied), which the new header carries, and whether the
   * snapshot's engine enforces the price bands (the commands after it were run so).
   */
  public void compact(Map<String, Object> state, long clockOffsetMillis, dev.bpx.paper.market.MarketList list,
                      boolean priceBands) {
    flush();
    // A snapshot holds the ids as they are and each market's sequence (JournaledEngine compacts only once a state
    // numbers per market): nothing in the new file is numbered the old way.
    header = new Header(header.seed(), header.startMillis(), header.market(), list, false, priceBands);
    out.replaceWith(JournalLines.header(header) + "\n"
        + JournalLines.snapshot(new Snapshot(state, clockOffsetMillis)) + "\n", "compact");
    entries.clear();
    appendedSinceOpen = 0;
  }

  /**
   * Rewrites an older journal in the current version, crash-safely like {@link #compact}: the same header,
   * snapshot and commands, each with the outcome its replay had (the caller checked it against
   * the old version's rule). Called once, after the replay at start and before any append.
   *
   * @param outcomes one per command read, in order
   * @throws UncheckedIOException if the new file cannot be written; the old journal then stays
   */
  public void migrate(List<Outcome> outcomes) {
    if (outcomes.size() != entries.size()) {
      throw new IllegalArgumentException(outcomes.size() + " outcomes for " + entries.size() + " commands");
    }
    StringBuilder text = new StringBuilder(JournalLines.header(header)).append('\n');
    if (snapshot != null) {
      text.append(JournalLines.snapshot(snapshot)).append('\n');
    }
    List<Entry> migrated = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      text.append(JournalLines.command(new Recorded(e.command(), outcomes.get(i)))).append('\n');
      migrated.add(new Entry(e.line(), e.command(), outcomes.get(i)));
    }
    out.replaceWith(text.toString(), "migrate");
    LOG.info("journal {} migrated from version {} to {} ({} commands)", file, version, VERSION, entries.size());
    entries.clear();
    entries.addAll(migrated);
    version = VERSION;
  }

  /** {@return the commands read at open, in order} */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Adds a command and its outcome to the batch being written; nothing reaches the file before
   * {@link #flush}. The writer appends a batch of commands and flushes once (group commit).
   */
  public void append(Recorded r) {
    out.append(JournalLines.command(r));
    appendedSinceOpen++;
  }

  /**
   * Writes the appended commands in one write and (by default) forces them to disk with one
   * fsync: once this returns they survive a crash, so their answers may be sent.
   *
   * @throws UncheckedIOException if the file cannot be written or forced
   */
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.close();
  }
}
