// Shared set-up for the model client tests: an emulator per test and a client pointed at it, with
// back-off waits recorded instead of slept.
import { after } from 'node:test';
import { createModelClient, type ModelClient, type ModelConfig } from '../../../src/agent/model/index.ts';
import { startModelServer, type ModelServer, type Script } from '../../emulators/model/index.ts';

export const KEY = 'sk-warden-test-0123456789';

const servers: ModelServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

export interface Rig {
  server: ModelServer;
  client: ModelClient;
  /** Every back-off wait the client asked for, in ms. */
  waits: number[];
}

export async function rig(script: Script, config: Partial<ModelConfig> = {}): Promise<Rig> {
  const server = await startModelServer({ apiKey: KEY, script });
  servers.push(server);
  const waits: number[] = [];
  const client = createModelClient(
    { baseUrl: server.baseUrl, model: 'test-model', apiKey: KEY, maxRetries: 3, timeoutMs: 5000, ...config },
    {
      backOff: { random: () => 0.5 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  );
  return { server, client, waits };
}

export const hello = [{ role: 'user' as const, content: 'hello' }];
