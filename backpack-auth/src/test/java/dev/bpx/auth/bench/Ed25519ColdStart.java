package dev.bpx.auth.bench;

import dev.bpx.auth.SignatureVerifier;
import dev.bpx.auth.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of the first signature and the first verification in a fresh JVM (class loading, the
 * provider's or BouncyCastle's set-up, interpretation), for each engine, through the public API:
 * {@code SigningKey.fromBase64} + {@code sign}, then {@code SignatureVerifier.verifySubscribe}. Each run
 * is a new JVM with the MCP launcher's JIT and GC flags; engines and JDKs are interleaved. Run by hand:
 *
 * <pre>
 * ./mvnw -q -B -pl backpack-auth test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath dev.bpx.auth.bench.Ed25519ColdStart --runs 11 \
 *     --jdk /usr/lib/jvm/java-17-openjdk-amd64 --jdk /usr/lib/jvm/temurin-25-jdk-amd64"
 * </pre>
 */
public final class Ed25519ColdStart {
  private static final String SEED = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
  private static final long NOW = 1_735_689_600_000L;
  /** Ed25519Benchmark's message; not referenced from there, as that class needs bcprov to load. */
  private static final byte[] MESSAGE =
      ("instruction=orderExecute&clientId=1001&orderType=Limit&postOnly=true&price=180.50"
              + "&quantity=1.5&side=Bid&symbol=SOL_USDC&timestamp=1735689600000&window=5000")
          .getBytes(StandardCharsets.UTF_8);

  private Ed25519ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child();
      return;
    }
    int runs = 11;
    List<String> jdks = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jdk" -> jdks.add(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (jdks.isEmpty()) {
      jdks.add(System.getProperty("java.home"));
    }
    // BouncyCastle twice: its jar as published is signed, and the JVM checks the signature of every
    // class it loads from it; the server jars are shaded, signatures stripped, so that cost is gone.
    String classPath = System.getProperty("java.class.path");
    Map<String, String> classPaths = new LinkedHashMap<>();
    classPaths.put("bouncycastle, signed bcprov jar", classPath);
    classPaths.put("bouncycastle, unsigned (as shaded)", unsignedBouncyCastle(classPath));
    // The JDK's provider as a library user without bcprov meets it: bcprov absent, so the engine choice
    // falls back. (With the signed bcprov jar merely present, the JDK's provider lookup scans its
    // META-INF/services and pays for checking the jar's signature.)
    classPaths.put("jdk (no bcprov on the class path)", withoutBouncyCastle(classPath));
    String[] engines = classPaths.keySet().toArray(new String[0]);
    // "JDK x / engine" -> measure -> one value per run
    Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (String jdk : jdks) {
        for (int e = 0; e < engines.length; e++) {
          String engine = engines[(e + run) % engines.length]; // alternate which engine goes first
          String java = jdk + "/bin/java";
          List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
              "-Xlog:disable", "-Xlog:all=warning:stderr"));
          command.addAll(List.of("-cp", classPaths.get(engine), Ed25519ColdStart.class.getName(), "--child"));
          long start = System.nanoTime();
          Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
          if (p.waitFor() != 0 || !out.startsWith("sign ")) {
            throw new IllegalStateException("child failed: " + out);
          }
          double wallMillis = (System.nanoTime() - start) / 1e6;
          String label = "JDK " + Ed25519Benchmark.JavaVersion.of(java) + " / " + engine;
          Map<String, List<Double>> m = results.computeIfAbsent(label, k -> new LinkedHashMap<>());
          String[] f = out.split(" ");
          m.computeIfAbsent("first sign (ms)", k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
          m.computeIfAbsent("first verify (ms)", k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
          m.computeIfAbsent("second sign (ms)", k -> new ArrayList<>()).add(Double.parseDouble(f[5]));
          m.computeIfAbsent("process wall (ms)", k -> new ArrayList<>()).add(wallMillis);
        }
      }
    }
    System.out.printf("median of %d fresh JVMs each (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC), min-max%n", runs);
    for (Map.Entry<String, Map<String, List<Double>>> r : results.entrySet()) {
      System.out.println(r.getKey());
      for (Map.Entry<String, List<Double>> m : r.getValue().entrySet()) {
        List<Double> v = new ArrayList<>(m.getValue());
        v.sort(null);
        System.out.printf("  %-18s %8.2f  (%.2f-%.2f)%n", m.getKey(), Ed25519Benchmark.median(v), v.get(0), v.get(v.size() - 1));
      }
    }
  }

  private static String withoutBouncyCastle(String classPath) {
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.contains("bcprov")) {
        out.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, out);
  }

  /** {@return the class path with the bcprov jar replaced by a copy without its signature files} */
  private static String unsignedBouncyCastle(String classPath) throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.contains("bcprov")) {
        out.add(entry);
        continue;
      }
      java.nio.file.Path copy = java.nio.file.Files.createTempFile("bcprov-unsigned", ".jar");
      copy.toFile().deleteOnExit();
      try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(java.nio.file.Path.of(entry)));
          java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(copy))) {
        for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
          String name = e.getName();
          if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA"))) {
            continue;
          }
          zip.putNextEntry(new java.util.zip.ZipEntry(name));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
      out.add(copy.toString());
    }
    return String.join(java.io.File.pathSeparator, out);
  }

  /** Prints "sign MS verify MS again MS": the first signature (key load included), first verification, second signature. */
  private static void child() {
    byte[] message = MESSAGE;
    long t0 = System.nanoTime();
    SigningKey key = SigningKey.fromBase64(SEED);
    byte[] signature = key.sign(message);
    long t1 = System.nanoTime();
    SignatureVerifier verifier = new SignatureVerifier(Clock.fixed(java.time.Instant.ofEpochMilli(NOW), java.time.ZoneOffset.UTC));
    String subscribeSignature = key.signBase64("instruction=subscribe&timestamp=" + NOW + "&window=5000");
    long t2 = System.nanoTime();
    boolean ok = verifier.verifySubscribe(key.publicKeyBase64(), subscribeSignature, "" + NOW, "5000").valid();
    long t3 = System.nanoTime();
    key.sign(message);
    long t4 = System.nanoTime();
    if (!ok || signature.length != 64) {
      throw new IllegalStateException("did not verify");
    }
    System.out.printf("sign %.3f verify %.3f again %.3f%n", (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
  }
}
