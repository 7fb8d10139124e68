// A public host on a port web services do not use (4444, 1337, 9001…): common for attacker
// listeners and C2. Ports that development and APIs use every day are ignored.

import { createEndpointRule } from './prose/endpoint-rule.ts';

const usualPorts = new Set([21, 22, 25, 53, 80, 443, 465, 587, 993, 995, 3000, 3001, 5000, 5173, 5432, 6379, 8000, 8008, 8080, 8081, 8443, 8888, 9000, 9090, 9200, 11434, 27017]);

function portOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const port = new URL(url).port;
    return port ? Number(port) : undefined;
  } catch {
    return undefined;
  }
}

export const unusualPort = createEndpointRule({
  id: 'unusual-port',
  title: 'Contacts a public host on an unusual port',
  description: 'A URL to a public host with an explicit port outside the ones web services and development tools commonly use. High when code sends data there, medium when code contacts it, low in prose.',
  references: ['https://attack.mitre.org/techniques/T1571/'],
  what: 'the host',
  classify: (_host, url) => {
    const port = portOf(url);
    return port !== undefined && !usualPorts.has(port) ? `port ${port}` : undefined;
  },
});
