// The official TypeScript MCP SDK client, driven by the Java integration tests over a JSON-lines protocol.
//
// The bridge launches the server itself with the SDK's StdioClientTransport, connects a Client, and answers
// one JSON request per line on stdin with one JSON line on stdout, strictly in order:
//   {"id":1,"method":"start","command":"java","args":[...],"env":{...},"cwd":"/tmp/..."}
//       -> {"id":1,"result":{"serverInfo":{...},"capabilities":{...},"instructions":"..."}}
//   {"id":2,"method":"listTools"}        -> {"id":2,"result":{"tools":[...]}}   (the client then validates outputs)
//   {"id":3,"method":"callTool","tool":"get_ticker","arguments":{...}}
//       -> {"id":3,"result":<the CallToolResult exactly as Client.callTool returned it>}
//       or {"id":3,"error":{"code":-32602,"message":"MCP error -32602: Structured content does not match ...","data":...}}
//          when the SDK threw: a protocol error from the server, or the client refusing the result.
//   {"id":4,"method":"close"}            -> {"id":4,"result":{}}, then the bridge exits.
// With "elicitation":true in start, the client declares form elicitation and answers every elicitation/create
// with the answer last set by {"method":"answerElicitation","answer":{"action":"accept","content":{...}}}
// (initially decline), "delayMs" after it was asked; {"method":"elicitations"} -> {"messages":[...]} lists the messages it was shown.
// The server's stderr is inherited, so it appears on the bridge's stderr. Nothing but protocol lines goes to stdout.
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

let client;
let elicitationAnswer = { action: 'decline' };
let elicitationDelayMs = 0;
const elicitationMessages = [];

function reply(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

async function start(request) {
  if (client) {
    throw new Error('the server is already started');
  }
  const transport = new StdioClientTransport({
    command: request.command,
    args: request.args ?? [],
    env: request.env ?? {},
    cwd: request.cwd,
    stderr: 'inherit',
  });
  const connecting = new Client({ name: 'backpack-it-ts-client', version: '1.0.0' },
    request.elicitation ? { capabilities: { elicitation: { form: {} } } } : undefined);
  if (request.elicitation) {
    connecting.setRequestHandler(ElicitRequestSchema, async (elicit) => {
      elicitationMessages.push(elicit.params.message);
      const answer = elicitationAnswer;
      await new Promise((resolve) => setTimeout(resolve, elicitationDelayMs));
      return answer;
    });
  }
  await connecting.connect(transport);
  client = connecting;
  return {
    serverInfo: client.getServerVersion(),
    capabilities: client.getServerCapabilities(),
    instructions: client.getInstructions(),
  };
}

async function listTools() {
  // listTools() is what makes the client cache every tool's output schema and validate results against it.
  const tools = [];
  let cursor;
  do {
    const page = await started().listTools(cursor === undefined ? {} : { cursor });
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { tools };
}

function started() {
  if (!client) {
    throw new Error('send "start" first');
  }
  return client;
}

async function handle(request) {
  switch (request.method) {
    case 'start':
      return start(request);
    case 'listTools':
      return listTools();
    case 'callTool':
      return started().callTool({ name: request.tool, arguments: request.arguments ?? {} });
    case 'answerElicitation':
      elicitationAnswer = request.answer;
      elicitationDelayMs = request.delayMs ?? 0;
      return {};
    case 'elicitations':
      return { messages: [...elicitationMessages] };
    case 'close':
      if (client) {
        await client.close();
        client = undefined;
      }
      return {};
    default:
      throw new Error(`unknown bridge method '${request.method}'`);
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') {
    continue;
  }
  const request = JSON.parse(line);
  try {
    reply({ id: request.id, result: await handle(request) });
  } catch (e) {
    reply({
      id: request.id,
      error: { code: typeof e?.code === 'number' ? e.code : null, message: String(e?.message ?? e), data: e?.data ?? null },
    });
  }
  if (request.method === 'close') {
    break;
  }
}
if (client) {
  await client.close();
}
// Exit once stdout is flushed: stdin may still hold the event loop open after the last request.
process.stdout.write('', () => process.exit(0));
