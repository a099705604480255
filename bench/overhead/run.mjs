// Tool-call overhead and server memory, measured the way a user meets them (issue 14).
//
// Run from the repository root after building (./mvnw -q -B package -DskipTests):
//
//   npm ci --prefix bench/overhead
//   node bench/overhead/run.mjs [--tool list_orders|get_balances] [--idle 60] [--busy 1000] [--soak 5000] [--sample 500] [--jvm-opts "-Xmx64m"] [--nmt true]
//
// What runs: the paper exchange jar in its own process (REST on a free loopback port, in memory), and
// backpack-mcp started with the README's documented launch (CDS archive, C1 only, serial GC) in LIVE
// mode against it: BACKPACK_PRIVATE_KEY set to a fresh Ed25519 key (the paper exchange opens an account
// for any key whose signatures verify), BACKPACK_BASE_URL=http://127.0.0.1:<port>, a fresh
// BACKPACK_DATA_DIR, no .env (the server's working directory and XDG_CONFIG_HOME are empty temp dirs).
// The client is the official TypeScript MCP SDK over stdio.
// The paper exchange is warmed by 200 direct requests before the server starts, so that its own cold start
// falls on neither the server's launch nor its first tool call.
//
// Overhead: the same signed read timed twice from this process: as a tool call (--tool list_orders:
// GET /api/v1/orders, instruction orderQueryAll; or get_balances: GET /api/v1/capital then GET
// /api/v1/borrowLend/positions), and sent directly over HTTP, signed here with Node's Ed25519
// (keep-alive connection, signing inside the timed span, as the server signs inside its own). Idle =
// one tool call, one direct request and one floor call (below), a second apart, in rotating order; busy = back to back. Direct and
// tool-call requests alternate (which goes first alternates too), so load from elsewhere on the machine
// falls on both. Overhead = tool-call percentile - direct percentile.
//
// Floor: the same client, in the same rounds, against replay-server.mjs, a server that does no work and
// answers with backpack-mcp's recorded answers (same result, same output schema to validate against).
// Its time is what the client, the pipes and the event loop cost on their own, and it is part of the
// overhead above; overhead - floor is the server's own share.
//
// Memory: VmRSS of the server process (/proc/<pid>/status) after initialize + tools/list, then after
// every --sample tool calls through idle, busy and a soak of back-to-back calls.
//
// --nmt true adds -XX:NativeMemoryTracking=summary and prints jcmd's breakdown after start and after the
// busy phase (costs some memory itself: a diagnostic, not a figure to report as RSS).
// --archive replaces the class-data-sharing option of the documented launch (e.g. --java with a JDK 25
// and --archive -XX:AOTCache=backpack-mcp.aot: an AOT cache instead of the JDK 17 archive).
// --jvm-opts adds JVM options after the documented ones (a variant, e.g. heap sizing); the documented
// launch itself is what runs without it.
import { execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir, loadavg, cpus } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";

const opts = parseArgs(process.argv.slice(2), { tool: "list_orders", idle: "60", busy: "1000", soak: "5000", sample: "500", "jvm-opts": "", java: "java", nmt: "false", archive: "" });
const NMT = opts.nmt === "true";
const IDLE = Number(opts.idle);
const BUSY = Number(opts.busy);
const SOAK = Number(opts.soak);
const SAMPLE = Number(opts.sample);
const WINDOW = 5000;

// The signed requests each measured tool sends (counted by count-requests.mjs: list_orders sends one
// request, get_balances two, one after the other), with their instructions (backpack-api.md 1.5), and what a
// good answer holds.
const TOOLS = {
  list_orders: { args: {}, requests: [["/api/v1/orders", "orderQueryAll"]],
    toolOk: (r) => Array.isArray(r.structuredContent?.orders), directOk: (b) => Array.isArray(b[0]) },
  get_balances: { args: {}, requests: [["/api/v1/capital", "balanceQuery"], ["/api/v1/borrowLend/positions", "borrowLendPositionQuery"]],
    toolOk: (r) => !!r.structuredContent?.balances?.USDC, directOk: (b) => !!b[0].USDC && Array.isArray(b[1]) },
};
const TOOL = TOOLS[opts.tool];
if (!TOOL) {
  console.error(`--tool must be one of ${Object.keys(TOOLS).join(", ")}`);
  process.exit(2);
}

const root = process.cwd();
const mcpJar = resolve(root, "backpack-mcp/target/backpack-mcp.jar");
const mcpJsa = resolve(root, "backpack-mcp/target/backpack-mcp.jsa");
const paperJar = resolve(root, "backpack-paper/target/backpack-paper.jar");
const replayServer = resolve(root, "bench/overhead/replay-server.mjs");
for (const f of [mcpJar, mcpJsa, paperJar]) {
  if (!existsSync(f)) {
    console.error(`No ${f}: run from the repository root after ./mvnw -q -B package -DskipTests`);
    process.exit(1);
  }
}

// The README's documented launch (its MCP client configuration), verbatim apart from the paths.
const documented = [opts.archive || `-XX:SharedArchiveFile=${mcpJsa}`, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m",
  "-Xlog:disable", "-Xlog:all=warning:stderr"];
const extra = [...opts["jvm-opts"].split(/\s+/).filter(Boolean), ...(NMT ? ["-XX:NativeMemoryTracking=summary"] : [])];
const serverArgs = [...documented, ...extra, "-jar", mcpJar];

const { seed, publicKeyB64, privateKey } = freshKey();
const work = mkdtempSync(join(tmpdir(), "bpx-overhead-"));
let paper;
let client;
let floorClient;
let lastResult;
try {
  paper = await startPaper(opts.java);
  const baseUrl = paper.url;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const targets = TOOL.requests.map(([path, instruction]) => ({ url: new URL(path, baseUrl), instruction }));

  // The same request sent directly, signed here.
  const direct = async () => {
    const s = performance.now();
    const bodies = [];
    for (const t of targets) bodies.push(await signedGet(t.url, t.instruction, privateKey, publicKeyB64, agent));
    const ms = performance.now() - s;
    if (!TOOL.directOk(bodies.map((b) => JSON.parse(b)))) throw new Error(`direct request: unexpected answer ${bodies.join(" ").slice(0, 300)}`);
    return ms;
  };

  // The paper exchange is warmed before the server starts: its own first requests (class loading, the account it
  // opens for a new key, its JIT) would otherwise fall on the server's launch and first tool call, which measure
  // the server. The first direct request is reported as the paper exchange's cold answer.
  const firstDirect = await direct();
  for (let i = 0; i < 200; i++) await direct();
  await sleep(1000);

  // ---- the server, as an MCP client starts it
  const env = { ...getDefaultEnvironment(), XDG_CONFIG_HOME: join(work, "config"),
    BACKPACK_PRIVATE_KEY: seed, BACKPACK_BASE_URL: baseUrl, BACKPACK_DATA_DIR: join(work, "data") };
  const transport = new StdioClientTransport({ command: opts.java, args: serverArgs, env, cwd: work, stderr: "pipe" });
  let serverLog = "";
  transport.stderr?.on("data", (d) => { serverLog = (serverLog + d).slice(-4000); });
  client = new Client({ name: "overhead-benchmark", version: "1.0.0" });
  const t0 = performance.now();
  await client.connect(transport);
  const tools = await client.listTools();
  const startMs = performance.now() - t0;
  if (!tools.tools.some((t) => t.name === opts.tool)) throw new Error(`no ${opts.tool} tool`);
  const pid = transport.pid;
  const rss = [{ calls: 0, phase: "after start (initialize + tools/list)", kb: rssKb(pid), parts: rssParts(pid) }];
  const nmt = NMT ? [["after start", nativeMemory(pid)]] : [];

  let calls = 0;
  const toolCall = async () => {
    const s = performance.now();
    const r = await client.callTool({ name: opts.tool, arguments: TOOL.args });
    const ms = performance.now() - s;
    lastResult = r;
    if (r.isError || !TOOL.toolOk(r)) {
      throw new Error(`${opts.tool} failed: ${JSON.stringify(r).slice(0, 500)}\n${serverLog}`);
    }
    calls++;
    if (calls % SAMPLE === 0) rss.push({ calls, phase: phaseName, kb: rssKb(pid), parts: rssParts(pid) });
    return ms;
  };

  // The first tool call (connection set-up, class loading) is reported apart, not in the percentiles.
  let phaseName = "first";
  const firstTool = await toolCall();

  // ---- the floor: the same client against a server that answers at once with backpack-mcp's own
  // recorded answers (replay-server.mjs), so the client validates the same result against the same schema.
  const recordedFile = join(work, "recorded.json");
  writeFileSync(recordedFile, JSON.stringify({
    initialize: { capabilities: client.getServerCapabilities(), serverInfo: client.getServerVersion(), instructions: client.getInstructions() },
    toolsList: tools, toolCall: lastResult }));
  floorClient = new Client({ name: "overhead-benchmark-floor", version: "1.0.0" });
  await floorClient.connect(new StdioClientTransport({ command: process.execPath, args: [replayServer, recordedFile], stderr: "inherit" }));
  await floorClient.listTools();
  const floorCall = async () => {
    const s = performance.now();
    const r = await floorClient.callTool({ name: opts.tool, arguments: TOOL.args });
    const ms = performance.now() - s;
    if (r.isError || !TOOL.toolOk(r)) throw new Error(`floor: unexpected answer ${JSON.stringify(r).slice(0, 300)}`);
    return ms;
  };
  await floorCall();
  // One round of a phase: tool call, direct request and floor call, in an order that rotates.
  const order = [[toolCall, "tool"], [direct, "direct"], [floorCall, "floor"]];
  const round = async (i, set, gapMs) => {
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      const [fn, key] = order[(i + k) % 3];
      set[key].push(await fn());
      if (gapMs) await sleep(Math.max(0, start + gapMs - performance.now()));
    }
  };

  phaseName = "idle";
  const idle = { tool: [], direct: [], floor: [] };
  for (let i = 0; i < IDLE; i++) await round(i, idle, 1000);

  phaseName = "busy";
  const busy = { tool: [], direct: [], floor: [] };
  for (let i = 0; i < BUSY; i++) await round(i, busy, 0);
  const busyEndCalls = calls;
  if (NMT) nmt.push([`after ${calls} calls`, nativeMemory(pid)]);

  phaseName = "soak";
  const soakStart = performance.now();
  for (let i = 0; i < SOAK; i++) await toolCall();
  const soakSeconds = (performance.now() - soakStart) / 1000;

  // ---- report
  const la = loadavg().map((x) => x.toFixed(2)).join(", ");
  console.log(`backpack-mcp tool-call overhead and memory  ${new Date().toISOString()}  node ${process.version}, ${cpus().length} cores, load average ${la}`);
  console.log(`launch: ${opts.java} ${serverArgs.join(" ").replaceAll(root + "/", "")}`);
  console.log(`live mode against the paper exchange at ${baseUrl}; tool ${opts.tool} vs the same signed request(s) sent directly: ${TOOL.requests.map(([p]) => "GET " + p).join(", then ")}`);
  console.log(`launch to tools/list answer (SDK client): ${startMs.toFixed(0)} ms; first tool call ${firstTool.toFixed(1)} ms; first direct request (to the cold paper exchange, before the server started) ${firstDirect.toFixed(1)} ms`);
  console.log();
  console.log(pad("latency, ms", 46) + pad("p50", 9) + pad("p90", 9) + "n");
  for (const [name, set] of [[`idle (1 call/s)`, idle], [`busy (back to back)`, busy]]) {
    const tp50 = pct(set.tool, 50), tp90 = pct(set.tool, 90), dp50 = pct(set.direct, 50), dp90 = pct(set.direct, 90);
    console.log(pad(`${name}: tool call`, 46) + pad(tp50.toFixed(2), 9) + pad(tp90.toFixed(2), 9) + set.tool.length);
    console.log(pad(`${name}: direct request`, 46) + pad(dp50.toFixed(2), 9) + pad(dp90.toFixed(2), 9) + set.direct.length);
    const fp50 = pct(set.floor, 50), fp90 = pct(set.floor, 90);
    console.log(pad(`${name}: floor (no-work server)`, 46) + pad(fp50.toFixed(2), 9) + pad(fp90.toFixed(2), 9) + set.floor.length);
    console.log(pad(`${name}: OVERHEAD`, 46) + pad((tp50 - dp50).toFixed(2), 9) + pad((tp90 - dp90).toFixed(2), 9)
      + `goal p50 <= 1.00: ${tp50 - dp50 <= 1.0 ? "met" : "MISSED by " + (tp50 - dp50 - 1.0).toFixed(2) + " ms"}`);
    console.log(pad(`${name}: of which the floor`, 46) + pad(fp50.toFixed(2), 9) + pad(fp90.toFixed(2), 9)
      + `the server's own share: ${(tp50 - dp50 - fp50).toFixed(2)} ms p50`);
  }
  console.log();
  console.log(`server RSS (VmRSS), MB; soak of ${SOAK} calls took ${soakSeconds.toFixed(1)} s`);
  for (const r of rss) {
    const mb = (k) => (r.parts[k] / 1024).toFixed(1);
    console.log(pad(String(r.calls), 8) + pad((r.kb / 1024).toFixed(1), 8) + pad(r.phase, 40)
      + `anonymous ${mb("RssAnon")}, files ${mb("RssFile")}, shared ${mb("RssShmem")}; ${r.parts.Threads} threads`);
  }
  const startMb = rss[0].kb / 1024;
  const at1000 = rss.find((r) => r.calls === 1000);
  console.log(`after start: ${startMb.toFixed(1)} MB, goal <= 80: ${verdict(startMb)}`);
  if (at1000) console.log(`after 1,000 tool calls: ${(at1000.kb / 1024).toFixed(1)} MB, goal <= 80: ${verdict(at1000.kb / 1024)}`);
  const soakSamples = rss.filter((r) => r.calls > busyEndCalls);
  if (soakSamples.length >= 2) {
    const kb = soakSamples.map((r) => r.kb);
    const first = kb[0] / 1024, last = kb[kb.length - 1] / 1024;
    console.log(`soak (calls ${soakSamples[0].calls}..${soakSamples[soakSamples.length - 1].calls}): ${first.toFixed(1)} -> ${last.toFixed(1)} MB`
      + ` (min ${(Math.min(...kb) / 1024).toFixed(1)}, max ${(Math.max(...kb) / 1024).toFixed(1)}; change ${(last - first).toFixed(1)} MB)`);
  }
  for (const [when, text] of nmt) console.log(`\nNative memory tracking (committed), ${when}:\n${text}`);
  agent.destroy();
} finally {
  try { await client?.close(); } catch { /* already gone */ }
  try { await floorClient?.close(); } catch { /* already gone */ }
  if (paper) {
    paper.proc.kill("SIGTERM");
    await new Promise((r) => { paper.proc.once("exit", r); setTimeout(r, 5000).unref(); });
  }
  rmSync(work, { recursive: true, force: true });
}

function verdict(mb) {
  return mb <= 80 ? `met (${(80 - mb).toFixed(1)} MB under)` : `MISSED by ${(mb - 80).toFixed(1)} MB`;
}

/** A fresh Ed25519 key: base64 of the 32-byte seed (BACKPACK_PRIVATE_KEY) and of the public key (X-API-Key). */
function freshKey() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  const spki = publicKey.export({ format: "der", type: "spki" });
  return { seed: pkcs8.subarray(pkcs8.length - 32).toString("base64"),
    publicKeyB64: spki.subarray(spki.length - 32).toString("base64"), privateKey };
}

/** GET with Backpack's headers; signing string as in backpack-api.md 1.2 (no parameters). */
function signedGet(url, instruction, privateKey, publicKeyB64, agent) {
  const timestamp = Date.now();
  const signing = `instruction=${instruction}&timestamp=${timestamp}&window=${WINDOW}`;
  const signature = sign(null, Buffer.from(signing, "utf8"), privateKey).toString("base64");
  return new Promise((ok, fail) => {
    const req = http.request(url, { method: "GET", agent, headers: {
      "X-API-Key": publicKeyB64, "X-Signature": signature, "X-Timestamp": String(timestamp), "X-Window": String(WINDOW) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (res.statusCode !== 200) fail(new Error(`direct request: HTTP ${res.statusCode} ${body.slice(0, 300)}`));
        else ok(body);
      });
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

/** The paper exchange jar on a free loopback port, in memory; resolves once it prints its URL. */
function startPaper(java) {
  return new Promise((ok, fail) => {
    const proc = spawn(java, ["-jar", paperJar, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    const timer = setTimeout(() => fail(new Error(`paper exchange did not start in 60 s:\n${err}`)), 60000);
    proc.stderr.on("data", (d) => {
      err += d;
      const m = /^BACKPACK_BASE_URL=(\S+)$/m.exec(err);
      if (m && !proc.url) {
        proc.url = m[1];
        clearTimeout(timer);
        ok({ proc, url: m[1] });
      }
    });
    proc.on("exit", (code) => { clearTimeout(timer); fail(new Error(`paper exchange exited (${code}):\n${err}`)); });
  });
}

/** The JVM's own account of its memory by area (--nmt true): jcmd VM.native_memory summary, committed sizes. */
function nativeMemory(pid) {
  const out = execFileSync("jcmd", [String(pid), "VM.native_memory", "summary", "scale=MB"], { encoding: "utf8" });
  return out.split("\n").filter((l) => /^(Total|-\s+\S)/.test(l.trim()) || /^\s*-\s/.test(l))
    .map((l) => l.replace(/\s+/g, " ").trim()).join("\n");
}

function rssKb(pid) {
  return rssParts(pid).VmRSS;
}

/** VmRSS and its parts (anonymous memory, mapped files such as the archive and the jar) in kB, and the thread count. */
function rssParts(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const parts = {};
  for (const key of ["VmRSS", "RssAnon", "RssFile", "RssShmem", "Threads"]) {
    const m = new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status);
    if (!m) throw new Error(`no ${key} for ${pid}`);
    parts[key] = Number(m[1]);
  }
  return parts;
}

/** Nearest-rank percentile. */
function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function pad(s, n) {
  return s.padEnd(n);
}

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, "");
    if (!(k in defaults) || i + 1 >= argv.length) {
      console.error(`usage: node bench/overhead/run.mjs ${Object.keys(defaults).map((d) => `[--${d} ${defaults[d] || "..."}]`).join(" ")}`);
      process.exit(2);
    }
    out[k] = argv[++i];
  }
  return out;
}
