// Asking the user for a wallet recovery phrase or private key (or their system password, as the
// AMOS stealer's fake dialogs do). No legitimate skill needs them typed into a chat. Advice such as
// "never share your recovery phrase" is negated and not reported.

import type { Rule } from '../types.ts';
import { matchFact, proseFactsFor, quote } from './prose/match.ts';
import { askForSecret, systemPassword, walletSecret } from './prose/phrases.ts';

/** The rule reads only prose that may say one of these (it finds nothing in the rest). */
const tables = [[walletSecret], [systemPassword]];

export const secretPhishing: Rule = {
  meta: {
    id: 'secret-phishing',
    category: 'prompt-injection',
    severity: 'high',
    title: 'Asks the user for a recovery phrase, private key or password',
    description: 'Prose telling the agent to ask the user for their wallet recovery (seed) phrase or private key (high), or for their system, login, keychain or bank password (medium). Wallet drainers and credential stealers work this way.',
    references: ['https://www.koi.ai/blog/clawhavoc-341-malicious-clawedbot-skills-found-by-the-bot-they-were-targeting'],
    messages: {
      wallet: 'Asks the user for a wallet secret: "{{phrase}}"',
      password: 'Asks the user for a password: "{{phrase}}"',
    },
  },
  check(facts, context) {
    for (const fact of proseFactsFor(facts, tables)) {
      const wallet = matchFact(fact, [walletSecret]);
      if (wallet && askForSecret.test(wallet.sentence)) {
        context.report({ messageId: 'wallet', fact, evidence: wallet.sentence, data: { phrase: quote(wallet) } });
        continue;
      }
      const password = matchFact(fact, [systemPassword]);
      if (password && askForSecret.test(password.sentence)) {
        context.report({ messageId: 'password', fact, evidence: password.sentence, data: { phrase: quote(password) }, severity: 'medium' });
      }
    }
  },
};
