// Reads of crypto wallet stores: Exodus, Electrum, browser wallet extensions (MetaMask, Phantom…),
// keystores and wallet.dat.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const walletRead = createSensitiveReadRule({
  id: 'wallet-read',
  classes: ['wallet'],
  severity: 'high',
  title: 'Reads crypto wallet files',
  description: 'The skill reads a cryptocurrency wallet, keystore or wallet browser extension store. Wallet theft is a main goal of the stealers found on ClawHub.',
  references: ['https://attack.mitre.org/techniques/T1005/'],
});
