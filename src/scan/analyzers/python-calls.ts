// Every Python call the analyzer understands, by qualified name (see CallSite.name).

import { execHandlers } from './python-calls-exec.ts';
import { ioHandlers } from './python-calls-io.ts';
import { netHandlers } from './python-calls-net.ts';
import { wsHandlers } from './python-calls-ws.ts';
import { decodeHandlers } from './python-decode.ts';
import type { CallHandler } from './python-walk.ts';

export const callHandlers: ReadonlyMap<string, CallHandler> = new Map([...ioHandlers, ...netHandlers, ...wsHandlers, ...execHandlers, ...decodeHandlers]);
