package dev.bpx.paper.store;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.store.Journal.Entry;
import dev.bpx.paper.store.Journal.Header;
import dev.bpx.paper.store.Journal.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal file of any version from 1 to {@link Journal#VERSION} when it opens: the header (and
 * the checks that the version can be read and the state belongs to this exchange's market), the snapshot
 * after compaction, and the commands, in the old formats through {@link CommandKind#parseLegacy}. Apart
 * from {@link Journal} so that what an old or damaged file may hold is read in one place, and the journal
 * keeps to appending and rewriting. A torn last line (a crash mid-write) ends the read: it was never
 * acknowledged, and {@link Contents#goodBytes()} says where the file is cut. A line that is not JSON with
 * whole lines after it, or JSON that is not a command, is damage: {@link IllegalStateException}.
 */
final class JournalReader {
  private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

  private JournalReader() {}

  /**
   * What the file held.
   *
   * @param header null when the file does not exist or holds no whole line: the journal is new
   * @param version the file's format version; {@link Journal#VERSION} for a new journal
   * @param snapshot null unless the journal was compacted
   * @param goodBytes the length of the whole lines read; what follows is a torn write
   */
  record Contents(Header header, int version, Snapshot snapshot, List<Entry> entries, long goodBytes) {}

  /**
   * Reads {@code file}, checking its header against the {@code fresh} one this exchange would write.
   *
   * @throws IllegalStateException if the file is damaged, from a newer version or for another market
   * @throws IOException if the file cannot be read
   */
  static Contents read(Path file, Header fresh) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Header header = null;
    int version = Journal.VERSION;
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
            Long v = m.number("version");
            version = v == null ? 1 : v.intValue();
            // Before version 6 every file numbered trades the old way (engine/TradeIds).
            header = new Header(m.requiredNumber("seed"), m.requiredNumber("start"), m.string("market"),
                m.raw("marketList") == null ? null : MarketListCodec.decode(m.raw("marketList")),
                version < 6 || "shared".equals(m.string("tradeIds")), Boolean.TRUE.equals(m.bool("priceBands")));
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
    return new Contents(header, version, snapshot, entries, goodBytes);
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
    if (version > Journal.VERSION) {
      throw new IllegalStateException("journal " + file + " has version " + version + ", written by a newer paper"
          + " exchange; this one reads versions 1 to " + Journal.VERSION + ". Start the version that wrote it, or use"
          + " another state file.");
    }
    if (version < 1) {
      throw new IllegalStateException("journal " + file + " has version " + version + ", which no paper exchange"
          + " wrote; this one reads versions 1 to " + Journal.VERSION + ". Use another state file.");
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
}
