// A scripted OpenAI-compatible chat-completions server on 127.0.0.1 for tests, demos and benches.
// The product code only ever sees its base URL. `POST /v1/chat/completions` plays the next script
// step (streamed as SSE when the body says `stream: true`), `GET /v1/models` lists the one model.
// With `apiKey` set, requests need `Authorization: Bearer <key>`; otherwise any key is accepted.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completion, streamChunks, type Answer } from './answer.ts';
import { echoScript } from './echo.ts';
import type { ChatRequest, Script, ScriptError, Step } from './types.ts';

export interface ModelServerOptions {
  apiKey?: string;
  /** Defaults to `echoScript()`: an instant fixed answer. */
  script?: Script;
  /** The id `GET /v1/models` lists (any model name is accepted on completions). */
  model?: string;
}

export interface ModelServer {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseUrl: string;
  /** Every chat-completions body received (also unauthorised ones), parsed, in arrival order. */
  requests: ChatRequest[];
  close(): Promise<void>;
}

const ERROR_DEFAULTS: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

function sendError(res: ServerResponse, error: ScriptError): void {
  const defaults = ERROR_DEFAULTS[error.status] ?? { type: 'server_error', code: null };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  res.writeHead(error.status, headers);
  res.end(JSON.stringify({ error: { message: error.message, type: error.type ?? defaults.type, param: null, code: error.code === undefined ? defaults.code : error.code } }));
}

/** OpenAI shows a wrong key with its middle masked; so does the emulator (the client must not echo it). */
function maskKey(key: string): string {
  return key.length <= 8 ? '****' : `${key.slice(0, 4)}****${key.slice(-4)}`;
}

function authError(req: IncomingMessage, apiKey: string | undefined): ScriptError | undefined {
  if (apiKey === undefined) return undefined;
  const header = req.headers.authorization;
  if (!header) return { status: 401, message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", code: null };
  const given = /^Bearer (.*)$/.exec(header)?.[1] ?? '';
  if (given !== apiKey) return { status: 401, message: `Incorrect API key provided: ${maskKey(given)}.` };
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function wait(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

async function stream(res: ServerResponse, answer: Answer, request: ChatRequest, index: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const events = [...streamChunks(answer, request, index).map((c) => JSON.stringify(c)), '[DONE]'];
  for (const [n, event] of events.entries()) {
    if (answer.cut && n === answer.cut.afterEvents) {
      if (answer.cut.mode === 'drop') res.socket?.destroy();
      return; // 'hang': leave the response open until the client leaves or the server closes
    }
    if (res.destroyed) return;
    res.write(`data: ${event}\n\n`);
    // A turn of the event loop between events, so the client really receives them one by one; with
    // `eventDelayMs`, a pause like a model that writes as it thinks.
    if (answer.eventDelayMs) {
      if (!(await wait(answer.eventDelayMs, res))) return;
    } else await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

async function play(step: Step, res: ServerResponse, request: ChatRequest, index: number): Promise<void> {
  if ('delayMs' in step) {
    if (await wait(step.delayMs, res)) await play(step.then, res, request, index);
    return;
  }
  if ('hang' in step) return;
  if ('dropConnection' in step) {
    res.socket?.destroy();
    return;
  }
  if ('error' in step) return sendError(res, step.error);
  if (request.stream === true) return stream(res, step, request, index);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(completion(step, request, index)));
}

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const script = options.script ?? echoScript();
  const model = options.model ?? 'warden-emulator';
  const requests: ChatRequest[] = [];
  let played = 0;

  const nextStep = (request: ChatRequest, index: number): Step => {
    if (typeof script === 'function') return script(request, index);
    return script[index] ?? { error: { status: 500, message: `model emulator: the script has ${script.length} steps and this is request ${index + 1}` } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const denied = authError(req, options.apiKey);
    if (req.method === 'GET' && path === '/v1/models') {
      if (denied) return sendError(res, denied);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'warden-emulator' }] }));
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return sendError(res, { status: 404, message: `Unknown request URL: ${req.method} ${path}.`, code: 'unknown_url' });
    let request: ChatRequest;
    try {
      request = JSON.parse(await readBody(req)) as ChatRequest;
    } catch {
      return sendError(res, { status: 400, message: 'We could not parse the JSON body of your request.' });
    }
    requests.push(request);
    if (denied) return sendError(res, denied);
    if (!Array.isArray(request.messages) || typeof request.model !== 'string') return sendError(res, { status: 400, message: "'model' and 'messages' are required properties." });
    const index = played++;
    await play(nextStep(request, index), res, request, index);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { status: 500, message: `model emulator: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
