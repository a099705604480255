package dev.bpx.mcp.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root {@code jbang-catalog.json} (what {@code jbang backpack-mcp@bpx-java/backpack-java} and the
 * README's install links run) against the build: the release version of this version, the fast-launch
 * options, and the logging binding the thin jar leaves out (slf4j-simple is optional in its pom).
 */
class JbangCatalogTest {
  @Test
  void theAliasRunsThisReleaseWithTheFastLaunchAndALoggingBinding() throws IOException {
    Map<?, ?> alias = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Json.parse(Files.readString(Path.of("..", "jbang-catalog.json"))))
        .get("aliases")).get("backpack-mcp");
    String pom = Files.readString(Path.of("..", "pom.xml"));
    String version = group(pom, "<artifactId>backpack-parent</artifactId>\\s*<version>([^<]+)</version>");
    String slf4j = group(pom, "<slf4j.version>([^<]+)</slf4j.version>");

    assertThat(alias.get("script-ref")).isEqualTo("dev.bpx:backpack-mcp:" + version.replace("-SNAPSHOT", ""));
    assertThat(alias.get("main")).isEqualTo("dev.bpx.mcp.Main");
    assertThat(alias.get("java-options")).isEqualTo(FastLaunch.JVM_OPTIONS);
    assertThat(alias.get("dependencies")).isEqualTo(List.of("org.slf4j:slf4j-simple:" + slf4j));
    assertThat(InstallLinks.JBANG.args()).containsExactly("backpack-mcp@bpx-java/backpack-java");
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
