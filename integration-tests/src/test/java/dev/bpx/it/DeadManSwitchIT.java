package dev.bpx.it;

/** {@link DeadManSwitchSuite} under the MCP Java SDK's client. */
class DeadManSwitchIT extends DeadManSwitchSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
