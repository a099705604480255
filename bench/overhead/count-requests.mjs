// Which signed requests one tool call sends: the check behind run.mjs's "same request" comparison.
//
//   node bench/overhead/count-requests.mjs [tool] [json-arguments]     (default: list_orders {})
//
// Starts the paper exchange jar and the server (documented launch, live mode) with BACKPACK_BASE_URL
// pointing at a counting proxy in this process, calls the tool once and then 20 more times, and prints
// the requests by method and path. Not a timing: the proxy sits in the path.
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";

const tool = process.argv[2] ?? "list_orders";
const args = JSON.parse(process.argv[3] ?? "{}");
const root = process.cwd();
const mcpJar = resolve(root, "backpack-mcp/target/backpack-mcp.jar");
const paperJar = resolve(root, "backpack-paper/target/backpack-paper.jar");
if (!existsSync(mcpJar) || !existsSync(paperJar)) {
  console.error("Run from the repository root after ./mvnw -q -B package -DskipTests");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "bpx-count-"));
const paper = spawn("java", ["-jar", paperJar, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const counts = new Map();
const proxy = http.createServer();
const client = new Client({ name: "count-requests", version: "1.0.0" });
try {
  const target = new URL(await new Promise((ok, fail) => {
    let err = "";
    paper.stderr.on("data", (d) => {
      err += d;
      const m = /^BACKPACK_BASE_URL=(\S+)$/m.exec(err);
      if (m) ok(m[1]);
    });
    paper.on("exit", (code) => fail(new Error(`paper exchange exited (${code}):\n${err}`)));
  }));
  proxy.on("request", (req, res) => {
    const key = `${req.method} ${req.url.split("?")[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const out = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
    out.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
    req.pipe(out);
  });
  await new Promise((r) => proxy.listen(0, "127.0.0.1", r));

  const { privateKey } = generateKeyPairSync("ed25519");
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  const transport = new StdioClientTransport({
    command: "java",
    args: [`-XX:SharedArchiveFile=${resolve(root, "backpack-mcp/target/backpack-mcp.jsa")}`, "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", mcpJar],
    env: { ...getDefaultEnvironment(), XDG_CONFIG_HOME: join(work, "config"), BACKPACK_DATA_DIR: join(work, "data"),
      BACKPACK_PRIVATE_KEY: pkcs8.subarray(pkcs8.length - 32).toString("base64"),
      BACKPACK_BASE_URL: `http://127.0.0.1:${proxy.address().port}` },
    cwd: work, stderr: "ignore" });
  await client.connect(transport);
  await client.listTools();
  const show = (when) => console.log(`${when}: ${[...counts].map(([k, n]) => `${k} x${n}`).join(", ") || "none"}`);
  show("after initialize + tools/list");
  for (let i = 1; i <= 21; i++) {
    const r = await client.callTool({ name: tool, arguments: args });
    if (r.isError) throw new Error(`${tool} failed: ${JSON.stringify(r.content).slice(0, 300)}`);
    if (i === 1 || i === 21) show(`after ${i} ${tool} call(s)`);
  }
} finally {
  try { await client.close(); } catch { /* already gone */ }
  proxy.close();
  paper.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
