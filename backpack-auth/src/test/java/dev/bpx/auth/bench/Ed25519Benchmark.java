package dev.bpx.auth.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Ed25519 signing and verifying of a typical Backpack signing string (155 bytes), four ways: the JDK
 * provider as {@code backpack-auth} used it (a new {@code Signature} per call), the JDK provider with a
 * per-thread {@code Signature} kept initialised, BouncyCastle's low-level RFC 8032 code
 * ({@code Ed25519.sign}/{@code verify} with the public key given, and a decoded public point for
 * verifying), and BouncyCastle's {@code Ed25519Signer} made per call.
 *
 * <p>Run by hand (not a test). {@link #main} runs every configuration (JDK 17 and a second JDK, each
 * with C2 and with C1 only, the MCP launcher's {@code -XX:TieredStopAtLevel=1}) in interleaved rounds,
 * one JMH fork per configuration per round, so that a noisy shared machine loads all of them alike, and
 * prints the median of the rounds and the ratio to the JDK-per-call figure of the same configuration:
 *
 * <pre>
 * ./mvnw -q -B -pl backpack-auth test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath dev.bpx.auth.bench.Ed25519Benchmark --rounds 3 \
 *     --jdk /usr/lib/jvm/java-17-openjdk-amd64 --jdk /usr/lib/jvm/temurin-25-jdk-amd64"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Ed25519Benchmark {
  /** RFC 8032 TEST 1's secret key: any fixed seed will do, this one is well known. */
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  /** An order as the client signs it: 155 bytes. */
  static final byte[] MESSAGE =
      ("instruction=orderExecute&clientId=1001&orderType=Limit&postOnly=true&price=180.50&quantity=1.5"
              + "&side=Bid&symbol=SOL_USDC&timestamp=1735689600000&window=5000")
          .getBytes(StandardCharsets.UTF_8);

  private PrivateKey jdkPrivate;
  private PublicKey jdkPublic;
  /** Kept initialised between calls; the state is per thread (Scope.Thread), so each thread has its own. */
  private Signature jdkSigner;
  private Signature jdkVerifier;
  private byte[] bcPublic;
  private Ed25519.PublicPoint bcPublicPoint;
  private Ed25519PrivateKeyParameters bcPrivateParams;
  private Ed25519PublicKeyParameters bcPublicParams;
  private byte[] signature;

  @Setup
  public void setUp() throws GeneralSecurityException {
    KeyPair pair = JdkKeys.fromSeed(SEED);
    jdkPrivate = pair.getPrivate();
    jdkPublic = pair.getPublic();
    jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkPrivate);
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(jdkPublic);
    Ed25519.precompute();
    bcPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(SEED, 0, bcPublic, 0);
    bcPublicPoint = Ed25519.validatePublicKeyPartialExport(bcPublic, 0);
    bcPrivateParams = new Ed25519PrivateKeyParameters(SEED, 0);
    bcPublicParams = new Ed25519PublicKeyParameters(bcPublic, 0);
    signature = jdkSign();
    if (!jdkVerify() || !jdkThreadLocalVerify() || !bcLowLevelVerify() || !bcSignerVerify()
        || !java.util.Arrays.equals(signature, bcLowLevelSign())
        || !java.util.Arrays.equals(signature, bcSignerSign())) {
      throw new IllegalStateException("the implementations disagree");
    }
  }

  @Benchmark
  public byte[] jdkSign() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(MESSAGE);
    return s.sign();
  }

  @Benchmark
  public boolean jdkVerify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(MESSAGE);
    return s.verify(signature);
  }

  @Benchmark
  public byte[] jdkThreadLocalSign() throws GeneralSecurityException {
    jdkSigner.update(MESSAGE);
    return jdkSigner.sign(); // sign() leaves the object initialised with the same key
  }

  @Benchmark
  public boolean jdkThreadLocalVerify() throws GeneralSecurityException {
    jdkVerifier.update(MESSAGE);
    return jdkVerifier.verify(signature);
  }

  @Benchmark
  public byte[] bcLowLevelSign() {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(SEED, 0, bcPublic, 0, MESSAGE, 0, MESSAGE.length, sig, 0);
    return sig;
  }

  @Benchmark
  public boolean bcLowLevelVerify() {
    return Ed25519.verify(signature, 0, bcPublicPoint, MESSAGE, 0, MESSAGE.length);
  }

  @Benchmark
  public byte[] bcSignerSign() {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, bcPrivateParams);
    signer.update(MESSAGE, 0, MESSAGE.length);
    return signer.generateSignature();
  }

  @Benchmark
  public boolean bcSignerVerify() {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, bcPublicParams);
    verifier.update(MESSAGE, 0, MESSAGE.length);
    return verifier.verifySignature(signature);
  }

  /** The JDK pair of a seed (as {@code backpack-auth}'s key derivation makes it). */
  static final class JdkKeys {
    private JdkKeys() {}

    static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new java.security.SecureRandom() {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
          System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
      });
      KeyPair pair = generator.generateKeyPair();
      PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new java.security.spec.EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      return new KeyPair(pair.getPublic(), privateKey);
    }
  }

  /**
   * Runs all configurations interleaved. Options: {@code --rounds N} (default 3), {@code --jdk DIR}
   * (repeatable; default: the running JDK), {@code --warmup S} and {@code --measure S} (seconds of
   * warm-up and of measurement per fork, in 1-second iterations; default 4 and 4), {@code --only REGEX}
   * (benchmark methods to run).
   */
  public static void main(String[] args) throws RunnerException {
    int rounds = 3;
    int warmup = 4;
    int measure = 4;
    String only = ".*";
    List<String> jdks = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--jdk" -> jdks.add(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--measure" -> measure = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (jdks.isEmpty()) {
      jdks.add(System.getProperty("java.home"));
    }
    List<String[]> configs = new ArrayList<>(); // {label, java executable, JIT flag or ""}
    for (String jdk : jdks) {
      String java = jdk + "/bin/java";
      String version = JavaVersion.of(java);
      configs.add(new String[] {"JDK " + version + " C2", java, ""});
      configs.add(new String[] {"JDK " + version + " C1 only", java, "-XX:TieredStopAtLevel=1"});
    }
    // config label -> benchmark -> one score per round
    Map<String, Map<String, List<Double>>> scores = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (int c = 0; c < configs.size(); c++) {
        // Rotate the order each round so no configuration always runs first or last.
        String[] config = configs.get((c + round) % configs.size());
        ChainedOptionsBuilder options = new OptionsBuilder()
            .include(Ed25519Benchmark.class.getName() + "\\." + only + "$")
            .forks(1)
            .warmupIterations(warmup)
            .warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
            .measurementIterations(measure)
            .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
            .jvm(config[1])
            .verbosity(VerboseMode.SILENT);
        if (!config[2].isEmpty()) {
          options.jvmArgsAppend(config[2]);
        }
        System.err.printf("round %d/%d: %s%n", round + 1, rounds, config[0]);
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
          String label = result.getParams().getBenchmark();
          label = label.substring(label.lastIndexOf('.') + 1);
          double score = result.getPrimaryResult().getScore();
          scores.computeIfAbsent(config[0], k -> new LinkedHashMap<>())
              .computeIfAbsent(label, k -> new ArrayList<>())
              .add(score);
          System.err.printf("  %-22s %9.1f us%n", label, score);
        }
      }
    }
    System.out.printf("%nmedian of %d rounds (one fork each), microseconds per operation; ratio = median over"
        + " the rounds of this / jdk (new Signature per call) in the same round and configuration%n", rounds);
    for (Map.Entry<String, Map<String, List<Double>>> config : scores.entrySet()) {
      System.out.printf("%n%s%n", config.getKey());
      Map<String, List<Double>> byBench = config.getValue();
      for (Map.Entry<String, List<Double>> bench : byBench.entrySet()) {
        String op = bench.getKey().endsWith("Sign") ? "Sign" : "Verify";
        List<Double> base = byBench.get("jdk" + op);
        String ratio = "";
        if (base != null && base.size() == bench.getValue().size()) {
          // Paired within a round: the load on a shared machine changes from round to round.
          List<Double> ratios = new ArrayList<>();
          for (int r = 0; r < base.size(); r++) {
            ratios.add(bench.getValue().get(r) / base.get(r));
          }
          ratio = String.format("%.3f", median(ratios));
        }
        System.out.printf("  %-22s %9.1f us  ratio %s  (rounds: %s)%n",
            bench.getKey(), median(bench.getValue()), ratio, format(bench.getValue()));
      }
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(List<Double> values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : " ").append(String.format("%.1f", v));
    }
    return b.toString();
  }

  /** The version string of another JDK, read from its {@code java -version}. */
  static final class JavaVersion {
    private JavaVersion() {}

    static String of(String java) {
      try {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        int q = out.indexOf('"');
        return q < 0 ? java : out.substring(q + 1, out.indexOf('"', q + 1));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
