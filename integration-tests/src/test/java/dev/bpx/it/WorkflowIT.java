package dev.bpx.it;

/** {@link WorkflowSuite} under the MCP Java SDK's client. */
class WorkflowIT extends WorkflowSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
