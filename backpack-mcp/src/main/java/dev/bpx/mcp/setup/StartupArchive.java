package dev.bpx.mcp.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data-sharing archive for a jar at its final place and for the JDK that will run it:
 * JDK 17 accepts an archive only for the same JDK build and the same jar path and modification time,
 * so the archive made by the build does not fit an unpacked release or another JDK. A training run of
 * the jar ({@code --cds-training}: initialize, tools/list and one local call on the paper exchange,
 * nothing sent anywhere) loads what a real start loads, and the JVM dumps those classes at exit.
 */
@FunctionalInterface
public interface StartupArchive {
  /**
   * @return null when the archive was made, else why not (the server then starts without one)
   */
  String make(Path java, Path jar, Path archive);

  /** The real training run, as the build's {@code cds-archive} step does it; at most two minutes. */
  StartupArchive TRAINING_RUN = (java, jar, archive) -> {
    Path dir = archive.toAbsolutePath().getParent();
    if (!Files.isWritable(dir)) {
      return dir + " is not writable";
    }
    Path partial = dir.resolve(archive.getFileName() + ".partial");
    Path log = null;
    try {
      log = Files.createTempFile("backpack-mcp-cds", ".log");
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.add("-XX:ArchiveClassesAtExit=" + partial);
      command.addAll(FastLaunch.JVM_OPTIONS);
      command.add("-jar");
      command.add(jar.toAbsolutePath().toString());
      command.add("--cds-training");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return "the training run did not finish within 2 minutes";
      }
      if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        return "the JVM made no archive (exit code " + process.exitValue() + (output.isEmpty() ? "" : ": " + lastLine(output)) + ")";
      }
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    } catch (IOException e) {
      return "the training run failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } finally {
      try {
        Files.deleteIfExists(partial);
        if (log != null) {
          Files.deleteIfExists(log);
        }
      } catch (IOException ignored) {
        // temporary files only
      }
    }
  };

  private static String lastLine(String text) {
    int nl = text.lastIndexOf('\n');
    return nl < 0 ? text : text.substring(nl + 1);
  }
}
