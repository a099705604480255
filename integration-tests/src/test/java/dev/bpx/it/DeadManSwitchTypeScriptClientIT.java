package dev.bpx.it;

/**
 * {@link DeadManSwitchSuite} under the official TypeScript SDK's client, which validates every result against
 * the tool's output schema; skipped, with the reason, only where Node.js or npm is missing or the npm registry
 * is unreachable with nothing cached.
 */
class DeadManSwitchTypeScriptClientIT extends DeadManSwitchSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
