// Cron jobs: `crontab -` / `crontab file`, writes under /etc/cron* or /var/spool/cron. A scheduled
// report is a plausible feature (medium); a job that downloads or connects out is an implant.

import { hasFlag, operands, programOf } from './common/commands.ts';
import { createPersistenceRule } from './common/persistence-rule.ts';

export const cronPersistence = createPersistenceRule({
  id: 'cron-persistence',
  title: 'Installs a cron job',
  description: 'The skill adds a cron job, which runs again after the agent session ends and survives reboots. ClawHub malware used cron to re-download its payload.',
  references: ['https://attack.mitre.org/techniques/T1053/003/'],
  targets: [
    { pattern: /^\/etc\/cron(?:tab$|\.[a-z]+\/)|^\/var\/spool\/cron\//, label: 'a system cron table', severity: 'medium' },
    { pattern: /^\/usr\/lib\/cron\/tabs\/|^\/var\/at\/tabs\//, label: 'a macOS cron table', severity: 'medium' },
  ],
  commands(cmd) {
    if (programOf(cmd) !== 'crontab' || hasFlag(cmd, 'l') || hasFlag(cmd, 'r')) return undefined;
    const [source] = operands(cmd);
    if (source === undefined && !cmd.pipedFrom && !cmd.args.includes('-')) return undefined;
    return { severity: 'medium', what: 'crontab replaced from ' + (source ?? 'standard input') };
  },
});
