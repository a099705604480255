package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented launch ({@code -XX:SharedArchiveFile=... -Xlog:disable -Xlog:all=warning:stderr
 * -jar backpack-mcp.jar}) in paper mode, with no keys: the class-data-sharing archive is used, the
 * server answers, stdout carries nothing but JSON-RPC, and the process exits when stdin closes. A
 * stale, moved, corrupt or missing archive must fall back safely: same answers, stdout still clean,
 * the JVM's complaint (if any) on stderr only.
 */
class ClassDataSharingIT {
  private static final Duration ANSWER = Duration.ofSeconds(30);

  @TempDir
  Path temp;

  @Test
  void documentedLaunchUsesTheArchiveAnswersInPaperModeAndWritesOnlyJsonRpc() throws IOException {
    Session session = runSession(ServerUnderTest.jar(), ServerUnderTest.archive());

    assertThat(session.classesFromArchive).as("classes loaded from the dynamic archive").isGreaterThan(1000);
    // get_balances signs (client) and verifies (the embedded paper exchange): the engine's classes are archived too.
    assertThat(session.signingFromArchive).as("BouncyCastle's Ed25519 from the archive").isTrue();
    // The training run makes signed calls too, so a first call's HTTP client and JSON adapters are not read from the jar.
    assertThat(session.fromJar).as("classes of a first signed call loaded from the jar, not the archive")
        .noneMatch(c -> c.startsWith("okhttp3.OkHttpClient ") || c.startsWith("dev.bpx.client.internal.HttpTransport ")
            || c.startsWith("com.squareup.moshi.Moshi "));
    assertThat(session.stderr).noneMatch(l -> l.contains("[warning]"));
    assertThat(session.stderr).anyMatch(l -> l.contains("paper mode"));
    assertThat(Files.exists(temp.resolve("data").resolve("paper-account.key"))).as("paper state in BACKPACK_DATA_DIR").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jar copied elsewhere", "jar touched", "jar and archive moved together", "archive corrupt",
      "archive missing"})
  void aStaleOrMismatchedArchiveFallsBackSafely(String situation) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("install"));
    Path jar = ServerUnderTest.jar();
    Path archive = ServerUnderTest.archive();
    switch (situation) {
      case "jar copied elsewhere" -> jar = Files.copy(jar, dir.resolve("backpack-mcp.jar"), StandardCopyOption.COPY_ATTRIBUTES);
      case "jar touched" -> {
        jar = Files.copy(jar, dir.resolve("backpack-mcp.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
      }
      case "jar and archive moved together" -> {
        jar = Files.copy(jar, dir.resolve("backpack-mcp.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        archive = Files.copy(archive, dir.resolve("backpack-mcp.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
      }
      case "archive corrupt" -> {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        archive = Files.write(dir.resolve("backpack-mcp.jsa"), noise);
      }
      case "archive missing" -> archive = dir.resolve("missing.jsa");
      default -> throw new AssertionError(situation);
    }

    Session session = runSession(jar, archive);

    assertThat(session.classesFromArchive).as("the archive must not be used").isZero();
  }

  /**
   * Why the documented launch has {@code -Xlog:disable -Xlog:all=warning:stderr}: without them the
   * JVM prints its archive warning to STDOUT, in front of the first JSON-RPC answer, which breaks
   * strict MCP clients. (This checks the JVM, so that nobody "simplifies" the documented flags.)
   */
  @Test
  void withoutTheLoggingFlagsTheJvmWouldWriteItsArchiveWarningToStdout() throws IOException {
    Path jar = Files.copy(ServerUnderTest.jar(), temp.resolve("moved.jar"));
    List<String> command = List.of(ServerUnderTest.javaExecutable(), "-XX:SharedArchiveFile=" + ServerUnderTest.archive(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString());
    try (RawServer server = new RawServer(command, Map.of("BACKPACK_DATA_DIR", temp.resolve("data").toString()), temp)) {
      server.send(RawServer.INITIALIZE);
      server.awaitResponse(1, ANSWER);
      assertThat(server.closeStdinAndAwaitExit(ANSWER)).isZero();
      assertThat(server.stdout().get(0)).contains("[warning]").doesNotStartWith("{");
    }
  }

  /**
   * @param signingFromArchive whether BouncyCastle's Ed25519 class, which signs and verifies, came from the archive
   * @param fromJar the classes read from the jar instead ("name source: ..."), from the class-load log
   */
  private record Session(List<String> stderr, int classesFromArchive, boolean signingFromArchive, List<String> fromJar) {}

  /** Runs initialize, tools/list and two tool calls in paper mode, then closes stdin; checks every stdout line. */
  private Session runSession(Path jar, Path archive) throws IOException {
    Path classLog = temp.resolve("class-load-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>();
    command.add(ServerUnderTest.javaExecutable());
    command.addAll(ServerUnderTest.documentedArgs(jar, archive));
    // Logging options do not affect whether the archive is accepted; this one goes to a file, not stdout.
    command.add(command.indexOf("-jar"), "-Xlog:class+load=info:file=" + classLog);
    try (RawServer server = new RawServer(command, Map.of("BACKPACK_DATA_DIR", temp.resolve("data").toString()), temp)) {
      server.send(RawServer.INITIALIZE);
      assertThat(server.awaitResponse(1, ANSWER)).contains("\"serverInfo\"", "PAPER mode");
      server.send(RawServer.INITIALIZED);
      server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      assertThat(server.awaitResponse(2, ANSWER)).contains("\"create_order\"", "\"get_balances\"");
      server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_server_status\",\"arguments\":{}}}");
      assertThat(server.awaitResponse(3, ANSWER)).contains("\"mode\":\"paper\"");
      server.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_balances\",\"arguments\":{}}}");
      assertThat(server.awaitResponse(4, ANSWER)).contains("\"USDC\"", "\"lent\":\"2000\"");

      assertThat(server.closeStdinAndAwaitExit(ANSWER)).as("exit code after stdin closed").isZero();
      assertThat(server.stdout()).hasSizeGreaterThanOrEqualTo(4);
      server.assertStdoutIsOnlyJsonRpc();
      List<String> loaded = Files.readAllLines(classLog);
      long fromArchive = loaded.stream().filter(l -> l.contains("shared objects file (top)")).count();
      boolean signing = loaded.stream().anyMatch(l -> l.contains("org.bouncycastle.math.ec.rfc8032.Ed25519 ")
          && l.contains("shared objects file (top)"));
      List<String> fromJar = loaded.stream().filter(l -> l.contains("source: jar:") || l.contains("source: file:"))
          .map(l -> l.substring(l.indexOf("] ") + 2)).toList();
      return new Session(server.stderr(), (int) fromArchive, signing, fromJar);
    }
  }
}
