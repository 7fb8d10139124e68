// `metadata.openclaw.install[]` entries of kind `download` without a sha256: OpenClaw fetches and
// unpacks whatever the URL serves at install time. From a raw IP, paste site or plain http it is
// high; otherwise medium (many honest skills omit the hash, but nothing pins the bytes).

import type { Rule } from '../types.ts';
import { judgeRemote } from './common/remote-source.ts';

export const installDownloadUnverified: Rule = {
  meta: {
    id: 'install-download-unverified',
    category: 'remote-exec',
    severity: 'medium',
    title: 'Install spec downloads without a hash',
    description: 'An install[] entry in the skill metadata downloads a file without a sha256 to check it against, so the publisher (or whoever controls the URL) can change what gets installed.',
    references: ['https://docs.openclaw.ai/tools/skills'],
    messages: {
      unpinned: 'install[] downloads {{url}} without a sha256.',
      hostile: 'install[] downloads {{url}} {{why}} without a sha256.',
    },
  },
  check(facts, context) {
    const manifest = context.skill.manifest;
    for (const spec of manifest.openclaw.install) {
      if (spec.kind !== 'download' || !spec.url || spec.sha256) continue;
      const judged = judgeRemote(spec.url, undefined, context.skill);
      const evidence = `install: ${spec.url}`;
      const line = facts.of('url').find((u) => u.file === manifest.file && u.url === spec.url)?.line ?? 1;
      if (judged.trust === 'hostile') context.report({ messageId: 'hostile', file: manifest.file, line, evidence, severity: 'high', data: { url: spec.url, why: judged.why } });
      else context.report({ messageId: 'unpinned', file: manifest.file, line, evidence, data: { url: spec.url } });
    }
  },
};
