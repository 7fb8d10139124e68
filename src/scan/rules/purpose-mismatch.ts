// A skill about weather, recipes or notes has no business in ~/.ssh, cloud credentials, wallets or
// the agent's own config. The credential rules grade the read itself; this rule adds that it
// contradicts what the skill says it is for. Security, backup and DevOps skills are exempt.

import type { Rule } from '../types.ts';
import { classifyPath } from './common/sensitive-paths.ts';

const harmlessPurpose = /\b(?:weather|forecast|recipes?|cook(?:ing)?|translat\w*|notes?|todo|to-do|calendar|music|songs?|jokes?|quotes?|news|horoscope|image|photo|pdf|summar\w*|timer|pomodoro|emoji|memes?|games?|trivia|fitness|diet|travel|currency|exchange rate|stock price|dictionary|poem|story|writing|grammar|spell\w*|math|calculator|unit conver\w*|time ?zone|reminder|greeting)\b|天气|菜谱|翻译|笔记|日历|音乐|新闻|图片|总结|提醒/i;
const credentialPurpose = /\b(?:security|audit\w*|secrets?|credentials?|ssh|keys?|vault|backup|sync|dotfiles|devops|deploy\w*|server|cloud|aws|gcp|azure|kubernetes|k8s|docker|git|wallet|crypto|password|1password|bitwarden|keychain|migrat\w*|forensic\w*|incident|openclaw config|gateway)\b|安全|审计|备份|部署|服务器|钱包/i;
const classes = new Set(['ssh', 'cloud', 'wallet', 'agent-config', 'keychain', 'browser']);

export const purposeMismatch: Rule = {
  meta: {
    id: 'purpose-mismatch',
    category: 'declared-mismatch',
    severity: 'high',
    title: 'Reads credential stores unrelated to the skill\'s stated purpose',
    description: 'The skill\'s name and description are about something harmless (weather, recipes, translation, notes…) yet its code reads SSH keys, cloud credentials, wallets, browser stores, the keychain or the OpenClaw config. A skill that says it is about security, backups or deployment is not reported.',
    references: ['https://snyk.io/blog/toxicskills-malicious-ai-agent-skills-clawhub/'],
    messages: {
      mismatch: 'A skill described as "{{purpose}}" reads {{label}} ({{path}})',
    },
  },
  check(facts, context) {
    const stated = `${context.skill.name} ${context.skill.description}`;
    const purpose = harmlessPurpose.exec(stated)?.[0];
    if (!purpose || credentialPurpose.test(stated)) return;
    for (const read of facts.of('file-read')) {
      if (read.context.origin === 'prose') continue;
      const row = classifyPath(read.path);
      if (row && classes.has(row.class)) {
        context.report({ messageId: 'mismatch', fact: read, data: { purpose, label: row.label, path: read.path } });
      }
    }
  },
};
