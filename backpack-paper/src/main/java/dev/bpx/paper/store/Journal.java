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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An append-only file of commands, one JSON object per line. The first line is a header with
 * the seed and start time. {@link #append} writes and (by default) forces the line to disk
 * before returning, so a command is durable before its response is sent. A torn last line (a
 * crash mid-write) is ignored and cut off on open: it was never acknowledged.
 *
 * <p>Not thread-safe; the engine lock serialises appends.
 */
public final class Journal implements AutoCloseable {
  /** The header line's content. */
  public record Header(long seed, long startMillis) {}

  private final FileChannel channel;
  private final boolean fsync;
  private final Header header;
  private final List<Command> commands;

  private Journal(FileChannel channel, boolean fsync, Header header, List<Command> commands) {
    this.channel = channel;
    this.fsync = fsync;
    this.header = header;
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
      List<Command> commands = new ArrayList<>();
      Header header = null;
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
      Journal j = new Journal(ch, fsync, header != null ? header : fresh, commands);
      if (header == null) {
        j.write(new JsonWriter().beginObject().field("c", "header").field("version", 1)
            .field("seed", fresh.seed()).field("start", fresh.startMillis()).endObject().toString());
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  public Header header() {
    return header;
  }

  /** {@return the 1-based line number of the first command in the file (after the header)} */
  public long firstCommandLine() {
    return 2;
  }

  /** {@return the commands read at open, in order} */
  public List<Command> commands() {
    return commands;
  }

  public void append(Command c) {
    JsonWriter w = new JsonWriter().beginObject().field("t", c.time()).field("c", c.type());
    if (c.apiKey() != null) {
      w.field("k", c.apiKey());
    }
    if (c.payload() != null) {
      w.name("p").raw(c.payload());
    }
    write(w.endObject().toString());
  }

  private void write(String line) {
    try {
      ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
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
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
