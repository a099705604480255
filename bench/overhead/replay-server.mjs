// A stdio MCP server that does no work: it answers initialize, tools/list and tools/call at once with
// answers recorded from backpack-mcp (run.mjs writes them to the file given as the only argument).
//
// run.mjs times the official client against it beside the real server: what the client, the pipes and
// Node's event loop cost on their own, the floor under any server's tool-call time on this machine.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const recorded = JSON.parse(readFileSync(process.argv[2], "utf8"));
// Serialised once, so each answer costs only the id's splice, not a JSON.stringify of the result.
const tools = JSON.stringify(recorded.toolsList);
const call = JSON.stringify(recorded.toolCall);

createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined) return; // notifications need no answer
  let result;
  switch (message.method) {
    case "initialize":
      result = JSON.stringify({ ...recorded.initialize, protocolVersion: message.params.protocolVersion });
      break;
    case "tools/list":
      result = tools;
      break;
    case "tools/call":
      result = call;
      break;
    case "ping":
      result = "{}";
      break;
    default:
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: message.id,
        error: { code: -32601, message: `Method not found: ${message.method}` } }) + "\n");
      return;
  }
  process.stdout.write(`{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"result":${result}}\n`);
});
