// Package lifecycle hooks (npm preinstall/install/postinstall/prepare, setup.py commands) run on
// install, before anyone has used the package. One that downloads or runs inline code is the
// standard npm/PyPI malware entry point; build tools (node-gyp, husky, tsc…) are ordinary.

import type { Rule } from '../types.ts';

/** A hook command that downloads or runs inline or decoded code (shared with supply-chain-anomalies). */
export const fetchesOrRuns = /\b(?:curl|wget|fetch|https?:\/\/|Invoke-WebRequest|iwr|irm|urllib|requests\.get|http\.get)\b|\|\s*(?:ba|z)?sh\b|\b(?:node|python3?|perl|ruby)\s+-[ec]\b|\beval\b|\bbase64\b|\bpowershell\b|\bnc\b|\/dev\/tcp/i;
const buildTools = /^(?:node-gyp(?:-build)?\b|husky\b|prebuild-install\b|patch-package\b|tsc\b|npm run (?:build|compile|prepare)\b|ngcc\b|esbuild\b|node install\.js$|cmake-js\b|electron-builder install-app-deps\b|opencollective|is-ci\b|lefthook\b)/i;

export const installHookNetwork: Rule = {
  meta: {
    id: 'install-hook-network',
    category: 'supply-chain',
    severity: 'high',
    title: 'Package install hook that downloads or runs code',
    description: 'A package lifecycle hook (npm preinstall/install/postinstall/prepare, a setup.py command class) that fetches from the network or runs inline or decoded code (high). Other hooks that run a script of the package are low; known build tools are not reported.',
    references: ['https://docs.npmjs.com/cli/using-npm/scripts#best-practices', 'https://attack.mitre.org/techniques/T1195/002/'],
    messages: {
      fetches: '{{manager}} {{hook}} hook downloads or runs code: {{command}}',
      script: '{{manager}} {{hook}} hook runs a script on install: {{command}}',
    },
  },
  check(facts, context) {
    for (const hook of facts.of('install-hook')) {
      const command = hook.command.trim();
      const data = { manager: hook.manager, hook: hook.hook, command: command.slice(0, 100) };
      if (fetchesOrRuns.test(command)) context.report({ messageId: 'fetches', fact: hook, data });
      else if (command && !buildTools.test(command)) context.report({ messageId: 'script', fact: hook, data, severity: 'low' });
    }
  },
};
