package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bpx.auth.Instructions;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing table ({@link Instructions}) against the official OpenAPI spec: every operation whose
 * description names an instruction ("**Instruction:** `orderExecute`") is in the table with that
 * instruction; every operation with neither an instruction nor signature headers is in the public list;
 * and the table lists nothing the spec does not have. An endpoint missing from both lists would be
 * refused by the client rather than sent unsigned.
 */
class SigningTableSpecTest {
  private static final Pattern INSTRUCTION = Pattern.compile("\\*\\*Instruction:\\*\\*\\s*`(\\w+)`");
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  /** The batch order endpoint: the spec names no instruction, each order in it is signed as {@code orderExecute}. */
  private static final String BATCH = "POST /api/v1/orders";

  private static final Map<String, String> specSigned = new TreeMap<>();
  private static final Set<String> specPublic = new TreeSet<>();
  private static final Set<String> specUnnamed = new TreeSet<>();

  @BeforeAll
  static void readSpec() throws Exception {
    JsonNode spec;
    try (InputStream in = SigningTableSpecTest.class.getResourceAsStream("/backpack-openapi.yml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        Matcher m = INSTRUCTION.matcher(op.getValue().path("description").asText(""));
        boolean signatureHeader = false;
        for (JsonNode p : op.getValue().path("parameters")) {
          signatureHeader |= "X-SIGNATURE".equalsIgnoreCase(p.path("name").asText());
        }
        if (m.find()) {
          specSigned.put(key, m.group(1));
        } else if (signatureHeader) {
          specUnnamed.add(key);
        } else {
          specPublic.add(key);
        }
      }
    }
    assertThat(specSigned).as("the spec was read").hasSizeGreaterThan(40);
  }

  @Test
  void everySignedOperationOfTheSpecIsInTheTableWithItsInstruction() {
    Map<String, String> table = new TreeMap<>(Instructions.signed());
    table.remove(BATCH);
    assertThat(table).isEqualTo(specSigned);
  }

  @Test
  void theOnlySignedOperationWithoutANamedInstructionIsTheBatchSignedPerOrder() {
    assertThat(specUnnamed).containsExactly(BATCH);
    assertThat(Instructions.forRequest("POST", "/api/v1/orders")).hasValue("orderExecute");
    assertThat(Instructions.isBatch("POST", "/api/v1/orders")).isTrue();
  }

  @Test
  void thePublicListIsExactlyTheSpecsOperationsWithoutSignatureExceptTheWithdrawalDelay() {
    Set<String> expected = new TreeSet<>(specPublic);
    // The withdrawal-delay operations name no instruction and no signature headers in the spec, yet they
    // change an account's withdrawal settings: private. Left out of both lists, so the client refuses them.
    Set<String> withdrawalDelay = Set.of("GET /wapi/v1/capital/withdrawals/delay", "POST /wapi/v1/capital/withdrawals/delay",
        "PATCH /wapi/v1/capital/withdrawals/delay");
    assertThat(expected).containsAll(withdrawalDelay);
    expected.removeAll(withdrawalDelay);
    assertThat(new TreeSet<>(Instructions.publicEndpoints())).isEqualTo(expected);
    for (String endpoint : withdrawalDelay) {
      String[] parts = endpoint.split(" ");
      assertThat(Instructions.isKnown(parts[0], parts[1])).as(endpoint).isFalse();
    }
  }
}
