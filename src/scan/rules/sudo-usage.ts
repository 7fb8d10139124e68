// Commands run with sudo/doas. Installing packages with sudo is ordinary (low); feeding sudo a
// password written into the skill (`echo pw | sudo -S`) is not, and neither is a script that asks
// for a password with echo off (`read -s`, `stty -echo`; the fake `[sudo] password for` prompt of a
// sudo wrapper) and then logs it, sends it or hands it to `sudo -S` itself. A setup script that
// asks the user to paste their own API token (`read -rs TOKEN`, no password prompt) and saves it or
// checks it against the service the skill is about is how tokens get configured: low; sent to a
// foreign host it stays critical.

import type { FactIndex, Rule, SkillInfo } from '../types.ts';
import { operands, programOf, type CommandFact } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { documentedHosts, isForeign, isSecretEnvName, judgeDestination } from './common/destination.ts';

const sudoStdin = /\b(?:sudo|doas)\s+(?:-[A-Za-z]+\s+)*(?:-[A-Za-z]*S\b|--stdin\b)/;
const secretPrompt = /pass(?:word|phrase|wd)?\b|\bpin\b|密码|口令/i;
const senders = new Set(['curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'telnet', 'mail', 'sendmail', 'ssh', 'scp']);

/** The variable a `read` of a secret fills: echo off (`-s`, or `stty -echo` before it) or a password prompt. */
function secretRead(cmd: CommandFact, echoOff: boolean): string | undefined {
  if (programOf(cmd) !== 'read') return undefined;
  const flags = cmd.args.filter((a) => /^-[A-Za-z]+$/.test(a)).join('');
  const prompted = cmd.args.some((a) => secretPrompt.test(a));
  if (!flags.includes('s') && !echoOff && !prompted) return undefined;
  return operands(cmd).filter((a) => /^[A-Za-z_]\w*$/.test(a)).at(-1) ?? 'REPLY';
}

/** The read fills a token the user pastes (a secret name, no password word in it or its prompt). */
function isTokenRead(cmd: CommandFact, name: string): boolean {
  return isSecretEnvName(name) && !secretPrompt.test(name) && !/PWD/i.test(name) && !cmd.args.some((a) => secretPrompt.test(a));
}

/** Every network operation on the commands' lines goes to the skill's own service or the user's address. */
function sentHome(facts: FactIndex, skill: SkillInfo, users: readonly CommandFact[]): boolean {
  const lines = new Set(users.map((c) => `${c.file}:${c.line}`));
  const sends = facts.of('network').filter((n) => lines.has(`${n.file}:${n.line}`));
  const docHosts = documentedHosts(facts, skill);
  return sends.length > 0 && sends.every((n) => !isForeign(judgeDestination(n, skill, docHosts)));
}

/** What a later command does with `$name`: sends it, writes it to a file, or feeds it to sudo. */
function use(cmd: CommandFact, name: string): 'sends' | 'logs' | 'sudo' | undefined {
  const ref = new RegExp(`\\$\\{?${name}\\b`);
  if (!cmd.args.some((a) => ref.test(a))) return undefined;
  if (senders.has(programOf(cmd))) return 'sends';
  if ((cmd.redirects ?? []).some((r) => /^>>?$/.test(r.op) && !/^\/dev\/(?:null|stderr|stdout)$|^&?[12]$/.test(r.target))) return 'logs';
  if (cmd.pipedTo?.length && sudoStdin.test(cmd.evidence)) return 'sudo';
  return undefined;
}

export const sudoUsage: Rule = {
  meta: {
    id: 'sudo-usage',
    category: 'privilege',
    severity: 'low',
    title: 'Runs commands as root',
    description: "The skill runs commands with sudo or doas. Agent skills rarely need root; with a password piped into `sudo -S` it tries to get root without the user's consent, and a script that reads a password with echo off and then logs or sends it (a fake sudo prompt) steals it.",
    references: ['https://attack.mitre.org/techniques/T1548/003/', 'https://attack.mitre.org/techniques/T1056/002/'],
    messages: {
      sudo: 'Runs {{program}} as root.',
      password: 'Pipes a password into sudo -S.',
      capture: 'Reads a password with echo off and {{what}}.',
      token: 'Asks the user for a token with echo off and {{what}}.',
    },
  },
  check(facts, context) {
    const byFile = new Map<string, CommandFact[]>();
    for (const cmd of facts.of('command')) {
      const list = byFile.get(cmd.file) ?? [];
      list.push(cmd);
      byFile.set(cmd.file, list);
      const program = programOf(cmd);
      if ((cmd.elevated || program === 'sudo') && cmd.pipedFrom && sudoStdin.test(cmd.evidence)) {
        context.report({ messageId: 'password', fact: cmd, severity: weigh('high', cmd, context.skill) });
      } else if (cmd.elevated) {
        context.report({ messageId: 'sudo', fact: cmd, data: { program }, severity: weigh('low', cmd, context.skill) });
      }
    }
    const words = { sends: 'sends it over the network', logs: 'writes it to a file', sudo: 'feeds it to sudo -S itself' };
    for (const cmds of byFile.values()) {
      cmds.sort((a, b) => a.line - b.line);
      let echoOff = false;
      for (const [i, cmd] of cmds.entries()) {
        if (programOf(cmd) === 'stty' && cmd.args.includes('-echo')) echoOff = true;
        const name = secretRead(cmd, echoOff);
        if (!name) continue;
        const later = cmds.slice(i + 1);
        const uses = new Set(later.map((c) => use(c, name)).filter((u) => u !== undefined));
        const worst = uses.has('sends') ? 'sends' : uses.has('logs') ? 'logs' : uses.has('sudo') ? 'sudo' : undefined;
        if (!worst) continue;
        if (worst !== 'sudo' && isTokenRead(cmd, name) && (worst === 'logs' || sentHome(facts, context.skill, later.filter((c) => use(c, name) === 'sends')))) {
          context.report({ messageId: 'token', fact: cmd, data: { what: words[worst] }, severity: 'low' });
          continue;
        }
        const severity = worst === 'sudo' ? 'high' : 'critical';
        context.report({ messageId: 'capture', fact: cmd, data: { what: words[worst] }, severity: weigh(severity, cmd, context.skill) });
      }
    }
  },
};
