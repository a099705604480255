package dev.bpx.mcp;

import dev.bpx.client.journal.JournalCsv;
import dev.bpx.client.journal.JournalReader;
import dev.bpx.client.journal.JournalVerification;
import dev.bpx.client.journal.JournalVerifier;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code backpack-mcp journal verify} and {@code backpack-mcp journal export --csv}: the trade journal
 * for a person at a terminal. The journal is the one in {@code $BACKPACK_DATA_DIR/journal/}, found from
 * the same settings as the server (environment, then one {@code .env} file); {@code --dir DIR} names
 * another journal directory.
 *
 * <p>{@code verify} prints the verdict on stdout: exit 0 when the chain is intact (with the last
 * line's hash, to write down as an anchor), 1 naming the first broken line as {@code file:line}.
 * {@code export --csv} prints every record as CSV (RFC 4180) on stdout, exit 0. Exit 2 for a wrong
 * command line or setting, 1 when the journal cannot be read.
 *
 * <p>Not thread-safe: runs once.
 */
final class JournalCommand {
  static final String NAME = "journal";
  static final String USAGE = "usage: backpack-mcp journal verify [--dir DIR] | backpack-mcp journal export --csv [--dir DIR]";

  private JournalCommand() {}

  static int run(List<String> args, Map<String, String> env, Path workingDirDotEnv, Path configDotEnv, Path userHome,
      PrintStream out, PrintStream err) {
    String action = args.isEmpty() ? "" : args.get(0);
    boolean csv = args.contains("--csv");
    int dirAt = args.indexOf("--dir");
    Path dir;
    if (dirAt >= 0) {
      if (dirAt + 1 >= args.size()) {
        err.println("backpack-mcp journal: --dir needs a directory. " + USAGE);
        return 2;
      }
      dir = Path.of(args.get(dirAt + 1));
    } else {
      try {
        dir = TradingSession.journalDir(ServerConfig.load(List.of(), env, workingDirDotEnv, configDotEnv, userHome));
      } catch (ConfigException e) {
        err.println("backpack-mcp journal: configuration error: " + e.getMessage()
            + (e.getMessage().endsWith(".") ? " " : ". ") + e.fix() + ", or give the journal directory with --dir.");
        return 2;
      }
    }
    int expected = 1 + (csv ? 1 : 0) + (dirAt >= 0 ? 2 : 0);
    boolean valid = args.size() == expected && (action.equals("verify") && !csv || action.equals("export") && csv);
    if (!valid) {
      err.println("backpack-mcp journal: " + (args.isEmpty() ? "say what to do. " : "'" + String.join(" ", args)
          + "' is not understood. ") + USAGE);
      return 2;
    }
    try {
      if (action.equals("export")) {
        JournalCsv.write(new JournalReader(dir).readAll(), out);
        out.flush();
        return 0;
      }
      return verify(dir, out);
    } catch (IOException e) {
      err.println("backpack-mcp journal: cannot read the journal in " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private static int verify(Path dir, PrintStream out) throws IOException {
    JournalVerification v = JournalVerifier.verify(dir);
    if (!v.intact()) {
      out.println("BROKEN at " + v.brokenAt() + ": " + v.problem() + ". The " + v.lines()
          + " line(s) before it chain correctly. Journal: " + dir);
      return 1;
    }
    if (v.files() == 0) {
      out.println("intact: the journal in " + dir + " is empty (no journal files yet)");
      return 0;
    }
    out.println("intact: " + v.lines() + " line(s) in " + v.files() + " file(s) in " + dir + "; SHA-256 of the last"
        + " line: " + v.lastHash() + " (keep it elsewhere: a chain cannot show a change to its own last line)");
    if (v.tornTail() != null) {
      out.println("note: " + v.tornTail());
    }
    return 0;
  }
}
