// Start-up baseline for bench/StartupBenchmark.java: the official TypeScript MCP SDK's low-level
// Server (its cheapest start path) answering tools/list with the exact tool table backpack-mcp
// serves (tools.json, captured by the benchmark), so both servers send the same payload.
import { readFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const tools = JSON.parse(readFileSync(new URL("./tools.json", import.meta.url), "utf8"));
const server = new Server({ name: "node-baseline", version: "1.0.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
server.setRequestHandler(CallToolRequestSchema, async () => ({ content: [{ type: "text", text: "ok" }] }));
await server.connect(new StdioServerTransport());
