import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures what an MCP client waits for at every launch: process start to the tools/list answer.
 *
 * <p>Run from the repository root after building ({@code ./mvnw -q -B package -DskipTests}):
 *
 * <pre>java bench/StartupBenchmark.java [--runs N] [--with "JVM options"]...</pre>
 *
 * <p>Variants, interleaved run by run so machine load affects all alike: the documented launch (CDS
 * archive, C1 only, serial GC), plain {@code java -jar}, and, when {@code bench/node-baseline} has its
 * dependencies ({@code npm ci --prefix bench/node-baseline}), a Node.js server on the official
 * TypeScript MCP SDK serving the identical tool table. Each launch starts in paper mode with an empty
 * data directory and no BACKPACK_* variables. Prints median, min and max in milliseconds.
 *
 * <p>Each {@code --with "-Xmx32m -Xmn4m"} adds a variant: the documented launch with those options
 * after its own, to show what a launch setting (heap sizing, GC) costs in start-up.
 *
 * <p>{@code --newer-jdk /path/to/jdk-25} adds two variants on that JDK (24 or newer), each with a cache made
 * by that JDK from the same training run as the build's archive ({@code --cds-training}): its own
 * dynamic class-data-sharing archive, and the AOT cache of JEP 483/514/515 ({@code -XX:AOTCacheOutput},
 * classes loaded and linked ahead of time plus method profiles). Both are made in a temporary directory
 * before the runs; the documented launch's archive only fits the JDK that built it.
 */
public class StartupBenchmark {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"startup-benchmark\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  public static void main(String[] args) throws Exception {
    int runs = 15;
    List<String> with = new ArrayList<>();
    Path newerJdk = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--with")) {
        with.add(args[++i]);
      } else if (args[i].equals("--newer-jdk")) {
        newerJdk = Path.of(args[++i]);
      }
    }
    Path root = Path.of("").toAbsolutePath();
    Path target = root.resolve("backpack-mcp/target");
    Path jar = target.resolve("backpack-mcp.jar");
    Path jsa = target.resolve("backpack-mcp.jsa");
    if (!Files.exists(jar)) {
      System.err.println("No " + jar + ": build first with ./mvnw -q -B package -DskipTests");
      System.exit(1);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("java, documented launch (CDS)", List.of(java, "-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString()));
    for (String options : with) {
      List<String> command = new ArrayList<>(variants.get("java, documented launch (CDS)"));
      command.addAll(command.size() - 2, List.of(options.trim().split("\\s+")));
      variants.put("documented + " + options.trim(), command);
    }
    variants.put("java -jar (no flags)", List.of(java, "-jar", jar.toString()));
    if (newerJdk != null) {
      addNewerJdk(variants, newerJdk, jar);
    }
    Path node = root.resolve("bench/node-baseline");
    if (Files.isDirectory(node.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      String tools = toolsArray(firstToolsList(variants.values().iterator().next()));
      Files.writeString(node.resolve("tools.json"), tools, StandardCharsets.UTF_8);
      variants.put("node, TypeScript SDK (same tools)", List.of("node", node.resolve("server.mjs").toString()));
    } else {
      System.err.println("(Node baseline skipped: run `npm ci --prefix bench/node-baseline` to include it.)");
    }

    Map<String, List<Double>> results = new LinkedHashMap<>();
    variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
    for (String name : variants.keySet()) {
      once(variants.get(name)); // warm the file cache; not counted
    }
    for (int r = 0; r < runs; r++) {
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        results.get(v.getKey()).add(once(v.getValue()));
      }
    }
    System.out.printf("%-38s %8s %8s %8s   (%d runs, %s, %d cores)%n", "launch to tools/list answer", "median", "min", "max",
        runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    for (Map.Entry<String, List<Double>> e : results.entrySet()) {
      List<Double> t = new ArrayList<>(e.getValue());
      Collections.sort(t);
      System.out.printf("%-38s %6.0f ms %5.0f ms %5.0f ms%n", e.getKey(), t.get(t.size() / 2), t.get(0), t.get(t.size() - 1));
    }
  }

  /** The documented options on {@code jdk}, with its own dynamic archive and with its AOT cache, both trained here. */
  private static void addNewerJdk(Map<String, List<String>> variants, Path jdk, Path jar) throws Exception {
    String java = jdk.resolve("bin").resolve("java").toString();
    String version = new String(new ProcessBuilder(java, "-version").redirectErrorStream(true).start().getInputStream()
        .readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse(jdk.toString());
    Path dir = Files.createTempDirectory("bpx-bench-newer-jdk");
    Path jsa = dir.resolve("backpack-mcp.jsa");
    Path aot = dir.resolve("backpack-mcp.aot");
    List<String> flags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr");
    train(java, "-XX:ArchiveClassesAtExit=" + jsa, flags, jar);
    train(java, "-XX:AOTCacheOutput=" + aot, flags, jar);
    System.err.println("newer JDK: " + version + "; archive " + Files.size(jsa) / 1024 / 1024 + " MB, AOT cache "
        + Files.size(aot) / 1024 / 1024 + " MB in " + dir);
    String label = version.replaceAll(".*\"([^\"]+)\".*", "$1");
    List<String> cds = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + jsa));
    cds.addAll(flags);
    cds.addAll(List.of("-jar", jar.toString()));
    variants.put("JDK " + label + ", its own CDS archive", cds);
    List<String> cached = new ArrayList<>(List.of(java, "-XX:AOTCache=" + aot));
    cached.addAll(flags);
    cached.addAll(List.of("-jar", jar.toString()));
    variants.put("JDK " + label + ", AOT cache", cached);
  }

  private static void train(String java, String output, List<String> flags, Path jar) throws Exception {
    List<String> command = new ArrayList<>(List.of(java, output));
    command.addAll(flags);
    command.addAll(List.of("-jar", jar.toString(), "--cds-training"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("training run failed: " + String.join(" ", command));
    }
  }

  /** One launch; returns milliseconds from process start to the complete tools/list answer. */
  private static double once(List<String> command) throws Exception {
    Path dataDir = Files.createTempDirectory("bpx-bench");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeIf(k -> k.startsWith("BACKPACK_"));
    pb.environment().put("BACKPACK_DATA_DIR", dataDir.toString());
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      OutputStream in = p.getOutputStream();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(in, INIT);
      expect(out, "\"id\":1");
      send(in, INITIALIZED);
      send(in, LIST);
      expect(out, "\"id\":2");
      return (System.nanoTime() - start) / 1e6;
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String firstToolsList(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(p.getOutputStream(), INIT);
      expect(out, "\"id\":1");
      send(p.getOutputStream(), INITIALIZED);
      send(p.getOutputStream(), LIST);
      return expect(out, "\"id\":2");
    } finally {
      p.destroyForcibly();
    }
  }

  /** The "tools" array of a tools/list answer, as JSON text (found by bracket matching). */
  private static String toolsArray(String response) {
    int start = response.indexOf('[', response.indexOf("\"tools\""));
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < response.length(); i++) {
      char c = response.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return response.substring(start, i + 1);
      }
    }
    throw new IllegalStateException("no tools array in the answer");
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static String expect(BufferedReader out, String marker) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.contains(marker)) {
        return line;
      }
    }
    throw new IOException("the server closed stdout before answering " + marker);
  }
}
