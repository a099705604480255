package dev.bpx.it;

/**
 * {@link DailyBreakersSuite} under the official TypeScript SDK's client, which validates every result,
 * error results included, against the tool's output schema (the breakers' status objects among them);
 * skipped, with the reason, only where Node.js or npm is missing.
 */
class DailyBreakersTypeScriptClientIT extends DailyBreakersSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
