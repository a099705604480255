package dev.bpx.it;

/** {@link ResponseStructureSuite} under the MCP Java SDK's client. */
class ResponseStructureIT extends ResponseStructureSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
