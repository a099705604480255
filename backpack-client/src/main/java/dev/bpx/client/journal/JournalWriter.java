package dev.bpx.client.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends records to the journal in a directory, chained by {@code prevHash}, each append on disk
 * ({@link FileChannel#force}) before {@link #append} returns.
 *
 * <p>Every append runs under an exclusive lock on the file {@value #LOCK_FILE} in the directory
 * ({@link FileChannel#lock}), and reads the previous line from disk under it, so processes sharing
 * the directory (two assistant windows on one account) take turns and never fork the chain. Within one
 * JVM the OS lock cannot be taken twice, so writers of one directory first take a lock shared by the
 * JVM (a map keyed by the directory: the one static state here, because the OS lock is per process).
 *
 * <p>A new file is started on a new UTC day and when the current one has reached {@code
 * maxFileBytes}; its first line chains to the last line of the file before.
 *
 * <p>A torn last line (a crash cut a write short, so the file does not end with a newline) is moved to
 * {@code <file>.torn-<epochMillis>} by the next append, which first writes a {@code note} saying so:
 * the chain continues from the last complete line. An intent torn this way was never sent, since a
 * request is sent only after its intent is on disk.
 *
 * <p>Thread-safe.
 */
public final class JournalWriter {
  /** The lock file in the journal directory. */
  public static final String LOCK_FILE = "journal.lock";
  /** Default size at which a new file is started: 16 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 16L << 20;
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Clock clock;
  private final long maxFileBytes;
  private final ReentrantLock jvmLock;

  /**
   * @param dir the journal directory, created on the first append
   * @param clock the time written on each line (UTC)
   * @param maxFileBytes size at which a new file is started
   */
  public JournalWriter(Path dir, Clock clock, long maxFileBytes) {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes < 1");
    }
    this.dir = dir.toAbsolutePath().normalize();
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.maxFileBytes = maxFileBytes;
    this.jvmLock = JVM_LOCKS.computeIfAbsent(this.dir, d -> new ReentrantLock());
  }

  /** {@return the journal directory} */
  public Path dir() {
    return dir;
  }

  /**
   * Appends one record and forces it to disk.
   *
   * @return the record as written (with {@code prevHash}, {@code v} and {@code time})
   * @throws IOException if it cannot be written; then it is not on disk as a complete line
   */
  public JournalRecord append(JournalRecord record) throws IOException {
    return append(List.of(record)).get(0);
  }

  /**
   * Appends records in order, in one write forced to disk once.
   *
   * @return the records as written, in order
   * @throws IOException if they cannot be written
   */
  public List<JournalRecord> append(List<JournalRecord> records) throws IOException {
    Files.createDirectories(dir);
    jvmLock.lock();
    try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
      return appendLocked(records);
    } finally {
      jvmLock.unlock();
    }
  }

  private List<JournalRecord> appendLocked(List<JournalRecord> records) throws IOException {
    Instant now = clock.instant();
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    List<Path> files = JournalFiles.list(dir);
    List<JournalRecord> toWrite = new ArrayList<>();
    String prevHash = JournalFiles.ZERO_HASH;
    Path target = dir.resolve(JournalFiles.name(today, 1));
    if (!files.isEmpty()) {
      Path last = files.get(files.size() - 1);
      prevHash = null;
      try (FileChannel channel = FileChannel.open(last, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        JournalFiles.Tail tail = JournalFiles.tail(channel);
        if (tail.tornBytes() > 0) {
          Path aside = moveTornLineAside(last, channel, tail);
          toWrite.add(JournalRecord.note("a half-written line of " + tail.tornBytes() + " bytes at the end of "
              + last.getFileName() + " (a crash while writing) was moved to " + aside.getFileName()
              + "; the chain continues from the last complete line").build());
        }
        if (tail.lastLine() != null) {
          prevHash = JournalFiles.sha256Hex(tail.lastLine(), 0, tail.lastLine().length);
        }
      }
      if (prevHash == null) {
        prevHash = lastHashBefore(files, files.size() - 1);
      }
      String lastDate = JournalFiles.date(last);
      if (today.compareTo(lastDate) > 0) {
        target = dir.resolve(JournalFiles.name(today, 1));
      } else if (Files.size(last) >= maxFileBytes) {
        // lastDate, not today: a clock set back must not give a file that sorts before the last one.
        target = dir.resolve(JournalFiles.name(lastDate, JournalFiles.sequence(last) + 1));
      } else {
        target = last;
      }
    }
    toWrite.addAll(records);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<JournalRecord> written = new ArrayList<>();
    for (JournalRecord record : toWrite) {
      JournalRecord chained = record.chained(prevHash, now);
      byte[] line = JournalFiles.CODEC.toJson(chained).getBytes(StandardCharsets.UTF_8);
      bytes.write(line, 0, line.length);
      bytes.write('\n');
      prevHash = JournalFiles.sha256Hex(line, 0, line.length);
      written.add(chained);
    }
    boolean newFile = !Files.exists(target);
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    if (newFile) {
      forceDirectory();
    }
    return written.subList(written.size() - records.size(), written.size());
  }

  /** The hash of the last complete line in the files before index {@code end}; zeros when there is none. */
  private static String lastHashBefore(List<Path> files, int end) throws IOException {
    for (int i = end - 1; i >= 0; i--) {
      try (FileChannel channel = FileChannel.open(files.get(i), StandardOpenOption.READ)) {
        JournalFiles.Tail tail = JournalFiles.tail(channel);
        if (tail.lastLine() != null) {
          return JournalFiles.sha256Hex(tail.lastLine(), 0, tail.lastLine().length);
        }
      }
    }
    return JournalFiles.ZERO_HASH;
  }

  private Path moveTornLineAside(Path file, FileChannel channel, JournalFiles.Tail tail) throws IOException {
    ByteBuffer torn = ByteBuffer.allocate((int) tail.tornBytes());
    while (torn.hasRemaining() && channel.read(torn, tail.completeEnd() + torn.position()) >= 0) {
      // read the torn bytes whole
    }
    Path aside = file.resolveSibling(file.getFileName() + ".torn-" + clock.millis());
    Files.write(aside, torn.array(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    channel.truncate(tail.completeEnd());
    channel.force(true);
    return aside;
  }

  /** Makes a new file's directory entry durable too (Linux, macOS); other systems cannot open a directory. */
  private void forceDirectory() {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; NTFS journals its metadata itself.
    }
  }
}
