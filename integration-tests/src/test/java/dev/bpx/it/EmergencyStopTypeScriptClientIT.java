package dev.bpx.it;

/**
 * {@link EmergencyStopSuite} under the official TypeScript SDK's client, which validates every result
 * against the tool's output schema; skipped, with the reason, only where Node.js or npm is missing.
 */
class EmergencyStopTypeScriptClientIT extends EmergencyStopSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
