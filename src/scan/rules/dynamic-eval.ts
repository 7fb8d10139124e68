// eval/exec/Function of a value computed at run time. Medium: plugins and REPL-like tools do this
// honestly; decoded and remote inputs are reported by decoded-payload-exec and remote-code-eval.
// Shell idioms that eval a known tool's own init output (`eval "$(ssh-agent -s)"`) are skipped.
// Launching a program or loading a file named at run time (`"$TOOL" --version`, `source "$CFG"`,
// `import(\`./graphs/${id}\`)`, `subprocess.run(argv)`) runs something that is on disk, not a
// string of code: low. A reference file's example weighs one step less than a script.

import type { Rule, Severity } from '../types.ts';
import { isReferenceDoc, lower, weigh } from './common/context.ts';

const launcher = /^(?:command from variable|source|\.|import\(\)|require|subprocess\.(?:run|call|check_call|check_output|Popen)|os\.exec\w*|create_subprocess_exec)$/;

const toolInit = /eval\s+["']?\$\(\s*(?:\S*\/)?(?:ssh-agent|brew\s+shellenv|pyenv|rbenv|nodenv|goenv|jenv|fnm|direnv|zoxide|starship|conda|mise|rtx|thefuck|dircolors|gdircolors|luarocks|opam|register-python-argcomplete|keychain|gpg-agent|minikube\s+docker-env|docker-machine\s+env|aws-vault|op\s+signin|pdm|poetry|uv|atuin|mcfly|fzf|kubectl\s+completion|gh\s+completion|npm\s+completion)\b/;

export const dynamicEval: Rule = {
  meta: {
    id: 'dynamic-eval',
    category: 'obfuscation',
    severity: 'medium',
    title: 'Evaluates a run-time value as code',
    description: 'The skill passes a variable or computed string to eval/exec/Function/sh -c, so what runs cannot be read from the skill.',
    references: ['https://cwe.mitre.org/data/definitions/95.html'],
    messages: { dynamic: 'Evaluates a run-time value as code via {{via}}.' },
  },
  check(facts, context) {
    for (const fact of facts.of('exec-dynamic')) {
      if (fact.input !== 'variable' && fact.input !== 'unknown') continue;
      if (toolInit.test(fact.evidence)) continue;
      const base: Severity = launcher.test(fact.via) && !/shell\s*=\s*True/.test(fact.evidence) ? 'low' : 'medium';
      const severity = isReferenceDoc(fact, context.skill) ? lower(base) : base;
      context.report({ messageId: 'dynamic', fact, severity: weigh(severity, fact, context.skill), data: { via: fact.via } });
    }
  },
};
