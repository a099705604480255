package dev.bpx.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's JSON Schema validator, created on first use and kept off the path of a tool call.
 *
 * <p>At build the SDK checks every tool's schemas against the JSON Schema meta-schema, which loads the
 * whole validator library before the server can answer {@code tools/list}. Our tool schemas are fixed
 * at compile time, so that check runs once in a unit test ({@code ToolSchemasTest}) instead.
 *
 * <p>The SDK also validates every tool result against the tool's output schema before it answers, and
 * turns a result that fails into an error whose text names the validation failure instead of the
 * outcome (for {@code create_order}: whether an order was placed). That check does not make a result
 * valid; the tests do ({@code SchemaChecks} on every tool's results, and the official TypeScript client,
 * which validates every result, in the integration tests). So here a result is answered as it is and
 * checked again on a background thread a moment later: a result that does not match its schema is
 * logged as an error naming the tool's schema and the problem, where it is seen without costing the
 * call. Cold, the validator is the largest body of code a call runs; warm, it is still a tenth of the
 * server's own time per call (issue 14's profile).
 *
 * <p>Thread-safe.
 */
final class LazySchemaValidator implements JsonSchemaValidator {
  private static final Logger log = LoggerFactory.getLogger(LazySchemaValidator.class);
  /** Checks waiting beyond this are skipped: a burst of calls must not queue results in memory. */
  private static final int MAX_WAITING_CHECKS = 16;

  private volatile JsonSchemaValidator delegate;
  /** Results found not to match their schema, for tests. */
  private final java.util.concurrent.atomic.AtomicLong mismatches = new java.util.concurrent.atomic.AtomicLong();
  private final ThreadPoolExecutor checks = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(MAX_WAITING_CHECKS), LazySchemaValidator::checkThread, new ThreadPoolExecutor.DiscardPolicy());

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    checks.execute(() -> {
      try {
        ValidationResponse verdict = delegate().validate(schema, structuredContent);
        if (!verdict.valid()) {
          mismatches.incrementAndGet();
          // The SDK does not say which tool; the schema's top-level properties identify it.
          log.error("a tool result does not match its output schema (strict clients reject it): {}; the schema's"
              + " properties: {}", verdict.errorMessage(), schema.get("properties") instanceof Map<?, ?> p ? p.keySet() : "none");
        }
      } catch (RuntimeException e) {
        log.error("could not check a tool result against its output schema", e);
      }
    });
    // The SDK reads jsonStructuredOutput only for a result without content; every result here has text.
    return ValidationResponse.asValid(null);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
  }

  @Override
  public void assertConforms(String context, Map<String, Object> schema) {
    // Checked by ToolSchemasTest at build time; see the class comment.
  }

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = McpJsonDefaults.getSchemaValidator();
          delegate = d;
        }
      }
    }
    return d;
  }

  /** {@return how many results were found not to match their schema} once the checks queued so far have run. */
  long mismatchesAfterQueuedChecks() throws Exception {
    checks.submit(() -> { }).get(30, TimeUnit.SECONDS);
    return mismatches.get();
  }

  private static Thread checkThread(Runnable task) {
    Thread thread = new Thread(task, "output-schema-check");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    return thread;
  }
}
