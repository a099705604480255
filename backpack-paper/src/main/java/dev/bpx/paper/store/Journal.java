package dev.bpx.paper.store;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.TimedCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * <p>Not thread-safe; the engine's writer thread owns appends, flushes and compaction.
 */
public final class Journal implements AutoCloseable {
  /**
   * Version 5: as 4, plus the upstream's market list in the header (the list the state was made on, or the one
   * its snapshot was taken under) and the {@code markets} command (the list changed). Version 4: as 3, plus the {@code upstream} command (upstream market data that changed state, see
   * {@code Command.UpstreamData}); a version 3 reader refuses such a file rather than misread it.
   * Version 3: typed commands with their outcomes. Version 2: the walk starts at birth (prehistory
   * generated), snapshots may follow the header, request payloads as received. Version 1: the walk
   * started before birth.
   */
  static final int VERSION = 5;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /**
   * The header line's content.
   *
   * @param market the market the state belongs to, as {@code PaperExchange.marketData()} says it (e.g.
   *     {@code "real market data from https://api.backpack.exchange"}); null for simulated prices, which
   *     is what every header before upstream prices meant and what their line leaves out
   * @param marketList upstream prices: the markets and assets the engine is built with before the commands (or the
   *     snapshot) that follow; null on simulated prices (the list is the code's) and in headers before version 5
   */
  public record Header(long seed, long startMillis, String market, dev.bpx.paper.market.MarketList marketList) {
    public Header(long seed, long startMillis) {
      this(seed, startMillis, null, null);
    }

    public Header(long seed, long startMillis, String market) {
      this(seed, startMillis, market, null);
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
  private FileChannel channel;
  private final boolean fsync;
  private Header header;
  private final Snapshot snapshot;
  private int version;
  private final List<Entry> entries;
  private long appendedSinceOpen;
  /** Lines appended since the last flush. */
  private final StringBuilder pending = new StringBuilder();

  private Journal(Path file, FileChannel channel, boolean fsync, Header header, int version, Snapshot snapshot,
                  List<Entry> entries) {
    this.file = file;
    this.channel = channel;
    this.fsync = fsync;
    this.header = header;
    this.version = version;
    this.snapshot = snapshot;
    this.entries = entries;
  }

  /**
   * Opens (or creates with the given header) a journal, reading the commands it holds.
   *
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static Journal open(Path file, Header fresh, boolean fsync) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      // A compaction that crashed before its rename: the journal itself is whole, drop the rest.
      Files.deleteIfExists(compactFile(file));
      List<Entry> entries = new ArrayList<>();
      Header header = null;
      int version = VERSION;
      Snapshot snapshot = null;
      long goodBytes = 0;
      long lineNumber = 0;
      if (Files.exists(file)) {
        byte[] bytes = Files.readAllBytes(file);
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] != '\n') {
            continue;
          }
          String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
          Object parsed;
          try {
            parsed = Json.parse(line);
          } catch (IllegalArgumentException e) {
            if (hasLineAfter(bytes, i + 1)) {
              // A torn write leaves only a tail; a bad line with whole lines after it is damage, and
              // cutting it off would drop the acknowledged commands that follow.
              throw new IllegalStateException("journal " + file + " line " + (lineNumber + 1) + " is not JSON but"
                  + " lines follow it: the file is damaged; the exchange does not start rather than lose them");
            }
            break;
          }
          lineNumber++;
          try {
            JournalValues m = new JournalValues(parsed);
            if (header == null) {
              header = new Header(m.requiredNumber("seed"), m.requiredNumber("start"), m.string("market"),
                  m.raw("marketList") == null ? null : MarketListCodec.decode(m.raw("marketList")));
              Long v = m.number("version");
              version = v == null ? 1 : v.intValue();
              checkVersion(file, version);
              checkMarket(file, header, fresh);
            } else if ("snapshot".equals(m.string("c")) && snapshot == null && entries.isEmpty()) {
              @SuppressWarnings("unchecked")
              Map<String, Object> state = (Map<String, Object>) m.raw("state");
              snapshot = new Snapshot(state, m.requiredNumber("clockOffsetMillis"));
            } else {
              entries.add(entry(m, lineNumber, version));
            }
          } catch (IllegalStateException e) {
            throw e;
          } catch (RuntimeException e) {
            throw new IllegalStateException("journal " + file + " line " + lineNumber + " cannot be read ("
                + e.getMessage() + "); the exchange does not start without it rather than lose what it holds", e);
          }
          lineStart = i + 1;
          goodBytes = i + 1;
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      ch.truncate(goodBytes);
      ch.position(goodBytes);
      Journal j = new Journal(file, ch, fsync, header != null ? header : fresh, version, snapshot, entries);
      if (header == null) {
        j.write(headerLine(fresh));
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  private static boolean hasLineAfter(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private static void checkVersion(Path file, int version) {
    if (version > VERSION) {
      throw new IllegalStateException("journal " + file + " has version " + version + ", written by a newer paper"
          + " exchange; this one reads versions 1 to " + VERSION + ". Start the version that wrote it, or use"
          + " another state file.");
    }
    if (version < 1) {
      throw new IllegalStateException("journal " + file + " has version " + version + ", which no paper exchange"
          + " wrote; this one reads versions 1 to " + VERSION + ". Use another state file.");
    }
    if (version < 2) {
      LOG.warn("journal {} has version {} (before the walk started at birth): its commands replay, "
          + "but prices and fills may differ from what was acknowledged", file, version);
    }
  }

  private static Entry entry(JournalValues m, long line, int version) {
    String type = m.requiredString("c");
    String apiKey = m.string("k");
    long time = m.requiredNumber("t");
    if (version < 3) {
      return new Entry(line, new TimedCommand(time, CommandKind.named(type).parseLegacy(apiKey, m.raw("p"))), null);
    }
    return new Entry(line, new TimedCommand(time, CommandCodec.decode(type, apiKey, m.raw("p"))),
        OutcomeCodec.decode(m.raw("o")));
  }

  private static String headerLine(Header h) {
    JsonWriter w = new JsonWriter().beginObject().field("c", "header").field("version", VERSION)
        .field("seed", h.seed()).field("start", h.startMillis());
    if (h.market() != null) {
      w.field("market", h.market());
    }
    if (h.marketList() != null) {
      w.name("marketList").raw(MarketListCodec.encode(h.marketList()));
    }
    return w.endObject().toString();
  }

  /**
   * A state belongs to the market it was made on: positions opened at simulated prices are never
   * revalued at real ones, or the reverse, nor at another upstream's.
   */
  private static void checkMarket(Path file, Header found, Header wanted) {
    if (!java.util.Objects.equals(found.market(), wanted.market())) {
      throw new IllegalStateException("journal " + file + " holds a state on "
          + (found.market() == null ? "simulated prices" : found.market()) + ", but this exchange runs on "
          + (wanted.market() == null ? "simulated prices" : wanted.market()) + ": its positions would be revalued"
          + " at other prices. Use another state file (PaperExchange.Builder.dataDirectory keeps one per market).");
    }
  }

  private static Path compactFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".compact");
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
    compact(state, clockOffsetMillis, header.marketList());
  }

  /**
   * As {@link #compact(Map, long)}, with the market list the snapshot's engine trades (upstream prices: the
   * header's list with every {@code markets} command so far applied), which the new header carries.
   */
  public void compact(Map<String, Object> state, long clockOffsetMillis, dev.bpx.paper.market.MarketList list) {
    flush();
    header = new Header(header.seed(), header.startMillis(), header.market(), list);
    replaceWith(headerLine(header) + "\n" + snapshotLine(new Snapshot(state, clockOffsetMillis)) + "\n", "compact");
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
    StringBuilder text = new StringBuilder(headerLine(header)).append('\n');
    if (snapshot != null) {
      text.append(snapshotLine(snapshot)).append('\n');
    }
    List<Entry> migrated = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      text.append(commandLine(new Recorded(e.command(), outcomes.get(i)))).append('\n');
      migrated.add(new Entry(e.line(), e.command(), outcomes.get(i)));
    }
    replaceWith(text.toString(), "migrate");
    LOG.info("journal {} migrated from version {} to {} ({} commands)", file, version, VERSION, entries.size());
    entries.clear();
    entries.addAll(migrated);
    version = VERSION;
  }

  private static String snapshotLine(Snapshot s) {
    return new JsonWriter().beginObject().field("c", "snapshot")
        .field("clockOffsetMillis", s.clockOffsetMillis()).name("state").raw(s.state()).endObject().toString();
  }

  /** Writes {@code text} beside the journal, forces it, renames it over the journal and forces the directory. */
  private void replaceWith(String text, String what) {
    Path tmp = compactFile(file);
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        writeFully(out, text);
        out.force(true);
      }
      channel.close();
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + what + " journal " + file, e);
    } finally {
      try {
        if (!channel.isOpen()) {
          channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
          channel.position(channel.size());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reopen journal " + file, e);
      }
    }
  }

  /** Makes the rename durable; some file systems cannot open a directory, they order renames anyway. */
  private static void forceDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {}: {}", dir, e.toString());
    }
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
    pending.append(commandLine(r)).append('\n');
    appendedSinceOpen++;
  }

  private static String commandLine(Recorded r) {
    Command c = r.command().command();
    JsonWriter w = new JsonWriter().beginObject().field("t", r.command().time()).field("c", CommandCodec.type(c));
    if (c.apiKey() != null) {
      w.field("k", c.apiKey());
    }
    Object payload = CommandCodec.payload(c);
    if (payload != null) {
      w.name("p").raw(payload);
    }
    return w.name("o").raw(OutcomeCodec.encode(r.outcome())).endObject().toString();
  }

  /**
   * Writes the appended commands in one write and (by default) forces them to disk with one
   * fsync: once this returns they survive a crash, so their answers may be sent.
   *
   * @throws UncheckedIOException if the file cannot be written or forced
   */
  public void flush() {
    if (pending.length() == 0) {
      return;
    }
    String text = pending.toString();
    pending.setLength(0);
    try {
      writeFully(channel, text);
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal", e);
    }
  }

  private static void writeFully(FileChannel ch, String text) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private void write(String line) {
    try {
      writeFully(channel, line + "\n");
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal", e);
    }
  }

  @Override
  public void close() {
    try {
      flush();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
