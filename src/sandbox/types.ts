// The shapes of the sandbox's small public interface.

import type { Actor, ContainmentEvent, EventSink, LimitName } from './events.ts';

/** One destination a command may reach: an exact host name or IP literal, and a port. */
export interface AllowedHost {
  host: string;
  port: number;
}

/** A secret granted to a command: the variable that holds its placeholder and where it may go. */
export interface SecretGrant {
  /** Environment variable inside the box, e.g. GITHUB_TOKEN. */
  env: string;
  /** Name in the secret store (for events; never the value). */
  name: string;
  /** The real value. Lives only in the runner process of this trust domain. */
  value: string;
  /** Hosts the real value may be sent to (over verified TLS). */
  hosts: AllowedHost[];
  /** Methods allowed on those hosts while this secret is in play (default GET, HEAD, POST). */
  methods?: string[];
  /** Path prefixes allowed on those hosts (default: all). Narrow this to stop echo endpoints. */
  paths?: string[];
  /** Header names (lower case) the placeholder may travel in (default: any header). */
  headers?: string[];
}

export interface Limits {
  /** Wall-clock seconds before the whole tree is killed. */
  wallTimeSec: number;
  /** CPU seconds (RLIMIT_CPU). */
  cpuTimeSec: number;
  /** Memory in MiB, charged in a memory cgroup (includes the box's tmpfs). */
  memoryMb: number;
  /** Processes and threads (pids cgroup, and RLIMIT_NPROC for the runner's uid). */
  processes: number;
  /** Open file descriptors per process (RLIMIT_NOFILE). */
  openFiles: number;
  /** Bytes kept of stdout and of stderr each; more ends the command. */
  outputBytes: number;
  /** Bytes the command may add to the workspace (per file via RLIMIT_FSIZE, in total by polling). */
  workspaceBytes: number;
}

export interface SandboxRequest extends Actor {
  /** Absolute directory the command runs in; the only place it can write. */
  workspace: string;
  command: string;
  args?: string[];
  /** Extra environment for the command (non-secret). Names the box sets itself win. */
  env?: Record<string, string>;
  allowHosts?: AllowedHost[];
  secrets?: SecretGrant[];
  limits?: Partial<Limits>;
  /** Receives each event as it happens, in addition to the result's list. */
  onEvent?: EventSink;
}

export interface SandboxResult {
  exitCode: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  /** True when stdout or stderr was cut at the output limit. */
  truncated: boolean;
  limitHit: LimitName | null;
  events: ContainmentEvent[];
}
