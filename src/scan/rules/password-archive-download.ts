// Password-protected archives fetched by the skill: the password hides the payload from scanners
// (the ClawHavoc AMOS delivery), and no honest prerequisite needs one.

import type { Rule } from '../types.ts';
import { commandLine, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';

export const passwordArchiveDownload: Rule = {
  meta: {
    id: 'password-archive-download',
    category: 'remote-exec',
    severity: 'high',
    title: 'Downloads a password-protected archive',
    description: 'The skill downloads an archive and opens it with a password given in the skill (unzip -P, 7z -p). The password exists to keep scanners from seeing what is inside.',
    references: ['https://www.koi.ai/blog/clawhavoc-341-malicious-clawedbot-skills-found-by-the-bot-they-were-targeting'],
    messages: { archive: 'Opens a downloaded archive with a password ({{how}}).' },
  },
  check(facts, context) {
    // Opening a local archive with a password is ordinary (an encrypted backup); it matters when
    // the skill also fetches something, or the password-protected archive itself comes from a URL.
    const downloaded = facts.of('download').some((f) => f.url !== undefined || f.host !== undefined) || facts.of('download-exec').length > 0;
    for (const fact of facts.of('download')) {
      if (fact.passwordProtected && (downloaded || fact.url !== undefined)) {
        context.report({ messageId: 'archive', fact, data: { how: fact.evidence.slice(0, 60) }, severity: weigh('high', fact, context.skill) });
      }
    }
    if (!downloaded) return;
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      const withPassword = (program === 'unzip' && cmd.args.includes('-P')) || (/^7z[ar]?$/.test(program) && cmd.args.some((a) => /^-p\S+/.test(a)));
      if (withPassword) context.report({ messageId: 'archive', fact: cmd, data: { how: commandLine(cmd).slice(0, 60) }, severity: weigh('high', cmd, context.skill) });
    }
  },
};
