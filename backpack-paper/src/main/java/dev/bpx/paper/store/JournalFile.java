package dev.bpx.paper.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's open file and what makes writes to it durable: lines collected and written in one write
 * with one fsync (group commit), and the crash-safe replacement of the whole file (write a sibling
 * {@code .compact} file, force it, rename it over the journal, force the directory). Apart from
 * {@link Journal} so that every file-system call that durability rests on is read in one place, and the
 * journal keeps to what its lines hold.
 *
 * <p>Not thread-safe, like the journal.
 */
final class JournalFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);

  private final Path file;
  private final boolean fsync;
  private FileChannel channel;
  /** Lines appended since the last flush. */
  private final StringBuilder pending = new StringBuilder();

  private JournalFile(Path file, FileChannel channel, boolean fsync) {
    this.file = file;
    this.channel = channel;
    this.fsync = fsync;
  }

  /** A compaction that crashed before its rename: the journal itself is whole, the leftover is dropped. */
  static void deleteLeftover(Path file) throws IOException {
    Files.deleteIfExists(compactFile(file));
  }

  /** Opens (or creates) {@code file} for appending after its first {@code goodBytes}, cutting off what follows. */
  static JournalFile open(Path file, long goodBytes, boolean fsync) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
    ch.truncate(goodBytes);
    ch.position(goodBytes);
    return new JournalFile(file, ch, fsync);
  }

  private static Path compactFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".compact");
  }

  /** Adds a line to the batch {@link #flush} writes. */
  void append(String line) {
    pending.append(line).append('\n');
  }

  /**
   * Writes the appended lines in one write and (by default) forces them to disk with one fsync.
   *
   * @throws UncheckedIOException if the file cannot be written or forced
   */
  void flush() {
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

  /** Writes one line at once, outside the batch, and (by default) forces it. */
  void write(String line) {
    try {
      writeFully(channel, line + "\n");
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal", e);
    }
  }

  /**
   * Writes {@code text} beside the journal, forces it, renames it over the journal and forces the directory.
   * Later appends go to the new file.
   *
   * @param what the operation, for the message
   * @throws UncheckedIOException if the new file cannot be written; the old journal then stays
   */
  void replaceWith(String text, String what) {
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

  private static void writeFully(FileChannel ch, String text) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  /** Flushes what was appended and closes the file. */
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
