package dev.bpx.mcp.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documented fast launch as a client entry: this JDK's {@code java} by absolute path (GUI clients
 * start servers with a short PATH, often without the user's JDK), the class-data-sharing archive next
 * to the jar, C1 only, the serial GC, a small initial heap and JVM warnings on stderr (stdout carries JSON-RPC only; without
 * {@code -Xlog:all=warning:stderr} a stale archive's warning would go to stdout). The same options as
 * {@code bin/backpack-mcp} and the README.
 */
public final class FastLaunch {
  /**
   * The JVM options after the archive, in the launcher's order. {@code -Xms8m}: the default initial heap
   * is 1/64 of the machine's memory (378 MB on 24 GB), and the serial collector touches all of its young
   * generation before it reuses any, so a server's resident memory climbed to 190 MB over a few thousand
   * calls; starting small, the heap grows only as far as the live data needs (about 14 MB after 1,000
   * calls), with no cap that a large result could hit (README, "Tool-call overhead and memory").
   */
  public static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr");

  private FastLaunch() {}

  /**
   * @param archive the class-data-sharing archive, or null to launch without one
   */
  public static ServerEntry entry(Path java, Path jar, Path archive, Map<String, String> env) {
    List<String> args = new ArrayList<>();
    if (archive != null) {
      args.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
    args.addAll(JVM_OPTIONS);
    args.add("-jar");
    args.add(jar.toAbsolutePath().toString());
    return new ServerEntry(java.toAbsolutePath().toString(), args, env);
  }

  /** {@return the archive's place for a jar: beside it, same name, {@code .jsa} (as the build and the launchers expect)} */
  public static Path archiveFor(Path jar) {
    String name = jar.getFileName().toString();
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.toAbsolutePath().resolveSibling(base + ".jsa");
  }

  /** {@return the {@code java} of the JDK running this code} */
  public static Path currentJava() {
    boolean windows = Os.current() == Os.WINDOWS;
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }
}
