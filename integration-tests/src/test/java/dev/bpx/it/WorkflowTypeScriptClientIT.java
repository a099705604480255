package dev.bpx.it;

/**
 * {@link WorkflowSuite} under the official TypeScript SDK's client ({@link TypeScriptSdkInstallation#SDK}), which
 * validates every result, error results included, against the tool's output schema; skipped, with the
 * reason, only where Node.js or npm is missing or the npm registry is unreachable with nothing cached.
 */
class WorkflowTypeScriptClientIT extends WorkflowSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
