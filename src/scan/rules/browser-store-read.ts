// Reads of browser password and cookie stores (Chromium "Login Data"/"Cookies", Firefox
// logins.json/key4.db, Safari cookies): the signature of an infostealer, with no skill-shaped use.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const browserStoreRead = createSensitiveReadRule({
  id: 'browser-store-read',
  classes: ['browser'],
  severity: 'high',
  title: 'Reads browser passwords or cookies',
  description: "The skill reads a browser's saved passwords or cookies. Infostealers such as AMOS collect exactly these files.",
  references: ['https://attack.mitre.org/techniques/T1555/003/'],
});
