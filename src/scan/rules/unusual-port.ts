// A public host on a port web services do not use (4444, 1337, 9001…): common for attacker
// listeners and C2. Ports that development and APIs use every day, and the registered port of the
// URL's own scheme (ldap://…:389, amqp://…:5672), are ignored.

import { createEndpointRule } from './prose/endpoint-rule.ts';

const usualPorts = new Set([21, 22, 25, 53, 80, 443, 465, 587, 993, 995, 3000, 3001, 5000, 5173, 5432, 6379, 8000, 8008, 8080, 8081, 8443, 8888, 9000, 9090, 9200, 11434, 27017]);

/** The port a scheme's protocol is registered on: `ldap://host:389` names the default, nothing unusual. */
const schemePorts: Readonly<Record<string, readonly number[]>> = {
  ldap: [389], ldaps: [636], ftp: [21], ftps: [990], sftp: [22], ssh: [22], smtp: [25, 587], smtps: [465], imap: [143], imaps: [993],
  pop3: [110], pop3s: [995], postgres: [5432], postgresql: [5432], mysql: [3306], mariadb: [3306], redis: [6379], rediss: [6380],
  mongodb: [27017], amqp: [5672], amqps: [5671], mqtt: [1883], mqtts: [8883], nats: [4222], kafka: [9092], ws: [80], wss: [443],
  rtsp: [554], sip: [5060], xmpp: [5222], irc: [6667], ircs: [6697], git: [9418], memcached: [11211], cassandra: [9042], clickhouse: [8123, 9000],
};

/** The explicit port of a URL, unless it is the default of the URL's scheme. */
export function portOf(url: string | undefined): number | undefined {
  // A port follows a second colon (the first ends the scheme): most URLs have none.
  if (!url || url.indexOf(':') === url.lastIndexOf(':')) return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : undefined;
    return port !== undefined && schemePorts[parsed.protocol.slice(0, -1).toLowerCase()]?.includes(port) ? undefined : port;
  } catch {
    return undefined;
  }
}

export const unusualPort = createEndpointRule({
  id: 'unusual-port',
  title: 'Contacts a public host on an unusual port',
  description: 'A URL to a public host with an explicit port outside the ones web services and development tools commonly use and other than the registered port of its scheme (ldap://host:389). High when code sends data there, medium when code contacts it, low in prose.',
  references: ['https://attack.mitre.org/techniques/T1571/'],
  what: 'the host',
  classify: (_host, url) => {
    const port = portOf(url);
    return port !== undefined && !usualPorts.has(port) ? `port ${port}` : undefined;
  },
});
