package dev.bpx.paper.store;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.engine.Command;
import dev.bpx.paper.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
 * the seed and start time; after compaction the second line is a snapshot of the engine state
 * (and the clock offset) that the commands which follow start from. {@link #append} collects
 * lines and {@link #flush} writes them and (by default) forces them to disk with one fsync; the
 * writer flushes before it answers, so a command is durable before its response is sent. A torn last line (a crash mid-write) is ignored and cut off on open: it was
 * never acknowledged.
 *
 * <p>{@link #compact} replaces the file atomically: it writes header and snapshot to a sibling
 * {@code .compact} file, forces it to disk, renames it over the journal and forces the directory.
 * A crash before the rename leaves the old journal whole (the leftover is deleted on open); after
 * it, the new one. Either holds every acknowledged command.
 *
 * <p>Not thread-safe; the engine's writer thread owns appends, flushes and compaction.
 */
public final class Journal implements AutoCloseable {
  /** Version 2: the walk starts at birth (prehistory generated), snapshots may follow the header. */
  static final int VERSION = 2;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /** The header line's content. */
  public record Header(long seed, long startMillis) {}

  /** A snapshot line's content: the engine state as JSON values and the clock offset then. */
  public record Snapshot(Map<String, Object> state, long clockOffsetMillis) {}

  private final Path file;
  private FileChannel channel;
  private final boolean fsync;
  private final Header header;
  private final Snapshot snapshot;
  private final List<Command> commands;
  private long appendedSinceOpen;
  /** Lines appended since the last flush. */
  private final StringBuilder pending = new StringBuilder();

  private Journal(Path file, FileChannel channel, boolean fsync, Header header, Snapshot snapshot,
                  List<Command> commands) {
    this.file = file;
    this.channel = channel;
    this.fsync = fsync;
    this.header = header;
    this.snapshot = snapshot;
    this.commands = commands;
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
      List<Command> commands = new ArrayList<>();
      Header header = null;
      Snapshot snapshot = null;
      long goodBytes = 0;
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
            break;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) parsed;
          if (header == null) {
            header = new Header(((BigDecimal) m.get("seed")).longValueExact(),
                ((BigDecimal) m.get("start")).longValueExact());
            Object version = m.get("version");
            if (version instanceof BigDecimal v && v.intValue() < VERSION) {
              LOG.warn("journal {} has version {} (before the walk started at birth): its commands replay, "
                  + "but prices and fills may differ from what was acknowledged", file, v);
            }
          } else if ("snapshot".equals(m.get("c")) && snapshot == null && commands.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) m.get("state");
            snapshot = new Snapshot(state, ((BigDecimal) m.get("clockOffsetMillis")).longValueExact());
          } else {
            commands.add(new Command((String) m.get("c"), (String) m.get("k"), m.get("p"),
                ((BigDecimal) m.get("t")).longValueExact()));
          }
          lineStart = i + 1;
          goodBytes = i + 1;
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      ch.truncate(goodBytes);
      ch.position(goodBytes);
      Journal j = new Journal(file, ch, fsync, header != null ? header : fresh, snapshot, commands);
      if (header == null) {
        j.write(headerLine(fresh));
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  private static String headerLine(Header h) {
    return new JsonWriter().beginObject().field("c", "header").field("version", VERSION)
        .field("seed", h.seed()).field("start", h.startMillis()).endObject().toString();
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

  /** {@return the 1-based line number of the first command in the file (after header and snapshot)} */
  public long firstCommandLine() {
    return snapshot == null ? 2 : 3;
  }

  /** {@return the commands in the file: those read at open plus those appended since} */
  public long commandCount() {
    return commands.size() + appendedSinceOpen;
  }

  /**
   * Replaces the journal by its header and a snapshot of the state every command so far led to,
   * crash-safely (see the class comment). Later appends go to the new file.
   *
   * @throws UncheckedIOException if the new file cannot be written; the old journal then stays
   */
  public void compact(Map<String, Object> state, long clockOffsetMillis) {
    flush();
    Path tmp = compactFile(file);
    try {
      String snapshotLine = new JsonWriter().beginObject().field("c", "snapshot")
          .field("clockOffsetMillis", clockOffsetMillis).name("state").raw(state).endObject().toString();
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        writeFully(out, headerLine(header) + "\n" + snapshotLine + "\n");
        out.force(true);
      }
      channel.close();
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact journal " + file, e);
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
    commands.clear();
    appendedSinceOpen = 0;
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
  public List<Command> commands() {
    return commands;
  }

  /**
   * Adds a command to the batch being written; nothing reaches the file before {@link #flush}.
   * The writer appends a batch of commands and flushes once (group commit).
   */
  public void append(Command c) {
    JsonWriter w = new JsonWriter().beginObject().field("t", c.time()).field("c", c.type());
    if (c.apiKey() != null) {
      w.field("k", c.apiKey());
    }
    if (c.payload() != null) {
      w.name("p").raw(c.payload());
    }
    pending.append(w.endObject().toString()).append('\n');
    appendedSinceOpen++;
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
