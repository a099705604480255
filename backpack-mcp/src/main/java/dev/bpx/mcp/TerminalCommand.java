package dev.bpx.mcp;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command for the person at a terminal, run instead of the server ({@code emergency-stop},
 * {@code breakers reset}, {@code journal verify}, {@code setup}): it reads the same settings as the server, prints its
 * report on stdout and answers with an exit code.
 */
@FunctionalInterface
interface TerminalCommand {
  /** The commands by the first argument that names them. */
  Map<String, TerminalCommand> ALL = Map.of(
      EmergencyStopCommand.NAME, EmergencyStopCommand::run,
      BreakersCommand.NAME, BreakersCommand::run,
      JournalCommand.NAME, JournalCommand::run,
      dev.bpx.mcp.setup.SetupCommand.NAME, dev.bpx.mcp.setup.SetupCommand::run);

  /**
   * @param args the arguments after the command's name
   * @return the process's exit code
   */
  int run(List<String> args, Map<String, String> env, Path workingDirDotEnv, Path configDotEnv, Path userHome,
      PrintStream out, PrintStream err);
}
