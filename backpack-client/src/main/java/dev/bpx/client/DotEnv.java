package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The variables of one {@code .env} file, read once, for {@link ClientSettings}. The client never
 * looks for such a file itself: the application names it (or finds it, e.g. in the working directory)
 * and passes it, so what configures a client is always visible at the call site.
 *
 * <pre>{@code
 * BackpackClient client = BackpackClient.fromEnvironment(DotEnv.loadIfExists(Path.of(".env")));
 * }</pre>
 *
 * <p>Syntax: {@code KEY=value} lines, optional {@code export } prefix, {@code #} comments (whole lines,
 * or after {@code " #"} in an unquoted value), values optionally in single or double quotes. A line
 * that is not {@code KEY=value} is an error naming the file and the line number, never echoing the
 * line (it may hold a secret). {@link #toString()} names the variables, never their values.
 *
 * <p>Thread-safe (immutable).
 */
public final class DotEnv {
  private static final DotEnv EMPTY = new DotEnv(Map.of());
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> variables;

  private DotEnv(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** {@return no variables at all} */
  public static DotEnv empty() {
    return EMPTY;
  }

  /**
   * {@return the variables of {@code file}, which must exist}
   *
   * @throws ValidationException if the file is absent or unreadable, or a line is not {@code KEY=value}
   */
  public static DotEnv load(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new ValidationException(file.toString(), "is not a file",
          "check the path of the .env file, or leave it out and use environment variables");
    }
    return new DotEnv(parse(file));
  }

  /**
   * {@return the variables of {@code file}, or none when it is null or not a regular file}
   *
   * @throws ValidationException if the file exists but cannot be read, or a line is not {@code KEY=value}
   */
  public static DotEnv loadIfExists(Path file) {
    return file != null && Files.isRegularFile(file) ? new DotEnv(parse(file)) : EMPTY;
  }

  /** {@return every variable of the file, by name} */
  public Map<String, String> variables() {
    return variables;
  }

  private static Map<String, String> parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValidationException(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")",
          "check the file's permissions, or delete it and use environment variables");
    }
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (eq < 0 || !KEY.matcher(key).matches()) {
        // The line is not echoed: it may hold a secret.
        throw new ValidationException(file + " line " + (i + 1), "is not KEY=value",
            "write it as NAME=value (e.g. BACKPACK_WINDOW_MS=5000), or start it with # to comment it out");
      }
      out.put(key, unquote(line.substring(eq + 1).strip(), file, i + 1));
    }
    return out;
  }

  private static String unquote(String raw, Path file, int lineNumber) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      if (end < 0) {
        throw new ValidationException(file + " line " + lineNumber, "has an opening " + quote + " without a closing one",
            "close the quote at the end of the value");
      }
      return raw.substring(1, end);
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  /** Names the variables, never their values. */
  @Override
  public String toString() {
    return "DotEnv" + new TreeSet<>(variables.keySet());
  }
}
