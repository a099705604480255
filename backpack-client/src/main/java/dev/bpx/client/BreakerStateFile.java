package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The on-disk state of the daily circuit breakers ({@link SafetyLimits#maxDailyNotional()}, {@link
 * SafetyLimits#maxDailyLoss()}): one small text file per account, {@code circuit-breakers-<account>.state},
 * in the client's state directory, where {@code <account>} is the first 12 hex digits of the SHA-256 of
 * the account's public key (never a secret).
 *
 * <p>Crash-safe: every change writes a new file, forces it to disk and renames it over the old one
 * atomically, so a crash leaves either the old state or the new one. Safe for several processes
 * sharing the directory: every read-modify-write holds an exclusive lock on {@code circuit-breakers.lock}
 * (and, because the JVM refuses two overlapping locks of one process, an in-process lock per directory).
 * The file is read again under the lock for every check, so a reset by another process counts at once.
 *
 * <p>Format (version 1), one record a line: {@code backpack-circuit-breakers 1}, then {@code notional
 * <epochMillis> <clientId> <amount>} per counted order, {@code loss-day <yyyy-mm-dd> <baselineEquity>}
 * and {@code loss-tripped <limit> <equityAtTrip> <epochMillis>}.
 *
 * <p>Thread-safe.
 */
public final class BreakerStateFile {
  static final String HEADER = "backpack-circuit-breakers 1";
  static final String LOCK_FILE = "circuit-breakers.lock";
  private static final String PREFIX = "circuit-breakers-";
  private static final String SUFFIX = ".state";
  /** FileLock is per process: two clients of one JVM on one directory take turns here first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path directory;
  private final Path file;

  /**
   * @param directory the state directory (created when missing)
   * @param publicKeyBase64 the account's public key, or null for a client without keys
   */
  BreakerStateFile(Path directory, String publicKeyBase64) {
    this.directory = directory.toAbsolutePath().normalize();
    this.file = this.directory.resolve(PREFIX + accountId(publicKeyBase64) + SUFFIX);
  }

  /** {@return the state file} */
  Path file() {
    return file;
  }

  /** One order's notional counted against {@code maxDailyNotional}. */
  record Entry(long atMillis, long clientId, BigDecimal amount) {}

  /**
   * The daily breakers' state.
   *
   * @param notional counted orders, oldest first
   * @param lossDay the UTC day of {@code baseline}, or null when no equity was seen yet
   * @param baseline the net equity first seen on {@code lossDay}
   * @param trippedLimit the loss limit in force when the loss breaker tripped, or null when not tripped
   * @param trippedEquity the net equity when it tripped
   * @param trippedAtMillis when it tripped
   */
  record State(List<Entry> notional, LocalDate lossDay, BigDecimal baseline, BigDecimal trippedLimit,
      BigDecimal trippedEquity, long trippedAtMillis) {
    static final State EMPTY = new State(List.of(), null, null, null, null, 0);

    State {
      notional = List.copyOf(notional);
    }

    State withNotional(List<Entry> entries) {
      return new State(entries, lossDay, baseline, trippedLimit, trippedEquity, trippedAtMillis);
    }

    State withDay(LocalDate day, BigDecimal equity) {
      return new State(notional, day, equity, null, null, 0);
    }

    State tripped(BigDecimal limit, BigDecimal equity, long atMillis) {
      return new State(notional, lossDay, baseline, limit, equity, atMillis);
    }

    State untripped() {
      return new State(notional, lossDay, baseline, null, null, 0);
    }

    boolean isTripped() {
      return trippedLimit != null;
    }
  }

  /** {@return the state as it is on disk now (empty when there is no file)} */
  State read() {
    return locked(directory, () -> load(file));
  }

  /**
   * Reads the state, applies {@code change} and writes the result, all under the lock; when {@code
   * change} throws, nothing is written.
   *
   * @return the new state
   */
  State update(UnaryOperator<State> change) {
    return locked(directory, () -> {
      State before = load(file);
      State after = change.apply(before);
      if (!after.equals(before)) {
        write(file, after);
      }
      return after;
    });
  }

  /**
   * Resets the daily breakers of every account kept in {@code directory}, for a person (the MCP server's
   * {@code breakers reset} command; never offered to an assistant): clears a tripped {@code maxDailyLoss}
   * and its baseline (the next check starts the day again from the equity it then sees), and forgets the
   * notional counted against {@code maxDailyNotional}. Takes effect at once in running clients, which read
   * the state under the same lock for every check. A damaged state file is replaced by an empty one.
   *
   * @return one line per state file, saying what was cleared; empty when there was no state
   * @throws UncheckedIOException if the directory cannot be read or a file cannot be written
   */
  public static List<String> reset(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    List<String> report = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return report;
    }
    locked(dir, () -> {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
        for (Path f : files) {
          String what;
          try {
            State s = load(f);
            List<String> parts = new ArrayList<>();
            if (s.isTripped()) {
              parts.add("maxDailyLoss trip cleared (tripped at " + Instant.ofEpochMilli(s.trippedAtMillis())
                  + ", limit " + s.trippedLimit().toPlainString() + ")");
            }
            if (s.baseline() != null) {
              parts.add("loss baseline " + s.baseline().toPlainString() + " of " + s.lossDay() + " cleared");
            }
            if (!s.notional().isEmpty()) {
              BigDecimal sum = s.notional().stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
              parts.add(s.notional().size() + " counted orders (notional " + sum.stripTrailingZeros().toPlainString()
                  + ") cleared");
            }
            what = parts.isEmpty() ? "nothing to clear" : String.join("; ", parts);
          } catch (ValidationException e) {
            what = "damaged file replaced by an empty state";
          }
          write(f, State.EMPTY);
          report.add(f.getFileName() + ": " + what);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reset the circuit breakers in " + dir + ": " + e.getMessage(), e);
      }
      return null;
    });
    return report;
  }

  private static <T> T locked(Path dir, java.util.function.Supplier<T> body) {
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
    inProcess.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        return body.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("circuit breaker state in " + dir + ": " + e.getMessage(), e);
    } finally {
      inProcess.unlock();
    }
  }

  private static State load(Path f) {
    List<String> lines;
    try {
      if (!Files.exists(f)) {
        return State.EMPTY;
      }
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the circuit breaker state " + f + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw damaged(f, "it does not start with '" + HEADER + "'");
    }
    List<Entry> entries = new ArrayList<>();
    LocalDate day = null;
    BigDecimal baseline = null;
    BigDecimal trippedLimit = null;
    BigDecimal trippedEquity = null;
    long trippedAt = 0;
    for (int i = 1; i < lines.size(); i++) {
      String[] p = lines.get(i).split(" ");
      try {
        switch (p[0]) {
          case "notional" -> {
            expect(p, 4);
            entries.add(new Entry(Long.parseLong(p[1]), Long.parseLong(p[2]), new BigDecimal(p[3])));
          }
          case "loss-day" -> {
            expect(p, 3);
            day = LocalDate.parse(p[1]);
            baseline = new BigDecimal(p[2]);
          }
          case "loss-tripped" -> {
            expect(p, 4);
            trippedLimit = new BigDecimal(p[1]);
            trippedEquity = new BigDecimal(p[2]);
            trippedAt = Long.parseLong(p[3]);
          }
          default -> throw new IllegalArgumentException("unknown record '" + p[0] + "'");
        }
      } catch (RuntimeException e) {
        throw damaged(f, "line " + (i + 1) + " cannot be read (" + e.getMessage() + ")");
      }
    }
    return new State(entries, day, baseline, trippedLimit, trippedEquity, trippedAt);
  }

  private static void expect(String[] parts, int count) {
    if (parts.length != count) {
      throw new IllegalArgumentException(count + " fields expected, got " + parts.length);
    }
  }

  private static ValidationException damaged(Path f, String why) {
    // Fail closed: without its state a daily breaker cannot tell what was traded or lost today.
    return new ValidationException("stateDirectory", "the circuit breaker state " + f + " is damaged: " + why,
        "a person can run 'backpack-mcp breakers reset' (BreakerStateFile.reset) to start it again; nothing was sent");
  }

  private static void write(Path f, State s) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Entry e : s.notional()) {
      text.append("notional ").append(e.atMillis()).append(' ').append(e.clientId()).append(' ')
          .append(e.amount().toPlainString()).append('\n');
    }
    if (s.lossDay() != null) {
      text.append("loss-day ").append(s.lossDay()).append(' ').append(s.baseline().toPlainString()).append('\n');
    }
    if (s.isTripped()) {
      text.append("loss-tripped ").append(s.trippedLimit().toPlainString()).append(' ')
          .append(s.trippedEquity().toPlainString()).append(' ').append(s.trippedAtMillis()).append('\n');
    }
    Path temp = f.resolveSibling(f.getFileName() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(temp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(f.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the circuit breaker state " + f + ": " + e.getMessage(), e);
    }
  }

  /** Makes the rename itself durable where the platform allows it (Linux, macOS; not Windows). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Directories cannot be opened for fsync on every platform; the rename is still atomic.
    }
  }

  private static String accountId(String publicKeyBase64) {
    if (publicKeyBase64 == null) {
      return "no-key";
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKeyBase64.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
