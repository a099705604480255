package dev.bpx.it;

/**
 * {@link TradeJournalSuite} under the official TypeScript SDK's client, which validates every result
 * against the tool's output schema; skipped, with the reason, where Node.js or npm is missing.
 */
class TradeJournalTypeScriptClientIT extends TradeJournalSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
