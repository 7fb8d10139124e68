// Turning off the machine's protections: SELinux, AppArmor, Gatekeeper and quarantine, SIP,
// Defender, firewalls, audit. Removing quarantine from a file the skill itself downloads is how
// fake-prerequisite stealers get past Gatekeeper.

import type { Rule, Severity } from '../types.ts';
import { commandLine, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';

const checks: readonly { program: RegExp; args: RegExp; what: string; severity: Severity }[] = [
  { program: /^setenforce$/, args: /\b(?:0|permissive)\b/i, what: 'SELinux', severity: 'high' },
  { program: /^(?:aa-teardown|aa-disable)$/, args: /(?:)/, what: 'AppArmor', severity: 'high' },
  { program: /^systemctl$/, args: /\b(?:stop|disable|mask)\b.*\b(?:apparmor|selinux|auditd|firewalld|falcon-sensor|clamav\w*|osqueryd)\b/, what: 'a security service', severity: 'high' },
  { program: /^spctl$/, args: /--master-disable|--global-disable|--disable\b/, what: 'Gatekeeper', severity: 'high' },
  { program: /^csrutil$/, args: /\bdisable\b/, what: 'System Integrity Protection', severity: 'high' },
  { program: /^xattr$/, args: /com\.apple\.quarantine|(?:^|\s)-[a-z]*c[a-z]*(?:\s|$)/, what: 'the macOS quarantine flag', severity: 'medium' },
  { program: /^defaults$/, args: /LSQuarantine.*(?:false|0|NO)/i, what: 'macOS quarantine', severity: 'high' },
  { program: /^(?:set-mppreference|add-mppreference)$/i, args: /-Disable\w+\s+(?:\$true|1)|-Exclusion(?:Path|Process|Extension)/i, what: 'Microsoft Defender', severity: 'high' },
  { program: /^netsh$/, args: /\bstate\s+off\b/i, what: 'the Windows firewall', severity: 'high' },
  { program: /^auditctl$/, args: /-e\s*0|-D\b/, what: 'Linux audit', severity: 'high' },
];

export const securityToolDisable: Rule = {
  meta: {
    id: 'security-tool-disable',
    category: 'privilege',
    severity: 'high',
    title: 'Disables a security protection',
    description: 'The skill turns off SELinux, AppArmor, Gatekeeper/quarantine, SIP, Microsoft Defender, a firewall or auditing. Stealer installers clear quarantine so their binary runs unchecked.',
    references: ['https://attack.mitre.org/techniques/T1562/001/', 'https://attack.mitre.org/techniques/T1553/001/'],
    messages: {
      disable: 'Disables {{what}}.',
      disableDownloaded: 'Disables {{what}} for a downloaded program.',
    },
  },
  check(facts, context) {
    // Quarantine cleared on what the skill downloaded: a file it saved, one beside it (the app a
    // saved archive unpacks to), anything in a temp or Downloads folder, or a path known only at
    // run time; a program a package manager installed (`$(brew --prefix)/bin/ant`) is not that.
    const saved = facts.of('download').flatMap((d) => (d.path ? [d.path] : []));
    const fetched = saved.length + facts.of('download-exec').length > 0;
    const dir = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.');
    const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const isDownloaded = (target: string | undefined): boolean => {
      if (target === undefined || /^["']?\$\{?\w+\}?["']?$/.test(target)) return true;
      if (/^(?:\/tmp|\/var\/tmp|~\/downloads|\$\{?tmpdir)/i.test(target.replace(/^\$\{?home\}?/i, '~'))) return true;
      return saved.some((p) => base(p) === base(target) || dir(p) === dir(target));
    };
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      let args: string | undefined;
      const hit = checks.find((c) => c.program.test(program) && c.args.test((args ??= cmd.args.join(' '))));
      if (!hit) continue;
      const quarantine = program === 'xattr';
      if (quarantine && fetched && isDownloaded(cmd.args.filter((a) => !a.startsWith('-') && a !== 'com.apple.quarantine').at(-1))) {
        context.report({ messageId: 'disableDownloaded', fact: cmd, data: { what: hit.what }, severity: weigh('high', cmd, context.skill) });
      } else {
        context.report({ messageId: 'disable', fact: cmd, data: { what: hit.what || commandLine(cmd) }, severity: weigh(hit.severity, cmd, context.skill) });
      }
    }
  },
};
