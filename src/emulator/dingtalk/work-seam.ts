// The work routes' entry points (work/index.ts, engineer W's part), loaded here so the core runs
// before that part lands: while work/index.ts is absent the emulator serves no work routes and
// keeps the YAML's `work` section as it is. Becomes a plain re-export once work/index.ts exists.

import type { Hono } from 'hono';
import type { EmulatorContext } from './context.ts';

interface WorkModule {
  parseWorkState(raw: unknown): unknown;
  registerWorkRoutes(app: Hono, ctx: EmulatorContext): void;
}

async function loadWorkModule(): Promise<WorkModule> {
  const specifier = new URL('./work/index.ts', import.meta.url).href;
  try {
    return (await import(specifier)) as WorkModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('/work/index.ts')) throw error;
    return { parseWorkState: (raw) => raw, registerWorkRoutes: () => {} };
  }
}

const work = await loadWorkModule();

export const parseWorkState: WorkModule['parseWorkState'] = work.parseWorkState;
export const registerWorkRoutes: WorkModule['registerWorkRoutes'] = work.registerWorkRoutes;
