// MCP config poisoning: a skill that ships or writes an MCP client config adds tools the agent will
// trust. A server on a remote, undeclared host, or a server command that downloads code, hands the
// agent to someone else; editing the agent's own config files does the same for every session.

import type { Rule } from '../types.ts';
import { exfilSinkOf } from './common/hosts.ts';
import { isReferenceDoc } from './common/context.ts';
import { isIpLiteral, isLocalHost } from './common/destination.ts';

const configFiles = /(?:claude_desktop_config\.json|\.mcp\.json|(?:^|\/)mcp\.json|\.cursor\/mcp\.json|\.openclaw\/openclaw\.json5?|\.clawdbot\/\w+\.json|\.codeium\/windsurf\/mcp_config\.json)$/i;
const downloads = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest)\b|https?:\/\/|\|\s*(?:ba|z)?sh\b|base64/i;
/** `claude mcp add NAME -- CMD…` and the same verb of other agent CLIs: a server registered from a shell. */
const mcpClis = new Set(['claude', 'codex', 'gemini', 'qwen', 'amp', 'cursor-agent']);
/** For a registration: remote servers over https are ordinary (vendors host them); plain HTTP, a raw IP or a download pipeline is not. */
const riskyRegistration = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest)\b|\bhttp:\/\/(?!localhost|127\.)|https?:\/\/\d{1,3}(?:\.\d{1,3}){3}(?:[:/]|$)|\|\s*(?:ba|z)?sh\b|base64/i;

/** Same registrable-ish site: the last two labels agree (mcp.notion.com and notion.com). */
function sameSite(a: string, b: string): boolean {
  return a.split('.').slice(-2).join('.') === b.split('.').slice(-2).join('.');
}

export const mcpConfigPoisoning: Rule = {
  meta: {
    id: 'mcp-config-poisoning',
    category: 'supply-chain',
    severity: 'high',
    title: 'MCP server config pointing to a remote server or a downloading command',
    description: 'An MCP client config (mcpServers) shipped or written by the skill whose server is a remote host the skill does not declare (high for raw IPs and drop-box hosts, medium otherwise, low for a sample config in a reference file\'s documentation) or whose command downloads code (high); or code that writes Claude Desktop / Cursor / OpenClaw config files (high).',
    references: ['https://modelcontextprotocol.io/docs/concepts/transports', 'https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks'],
    messages: {
      remote: 'MCP server "{{server}}" points to the remote host {{host}}',
      command: 'MCP server "{{server}}" runs a command that downloads code: {{command}}',
      writesConfig: 'Writes the agent\'s MCP/tool config {{path}}',
    },
  },
  check(facts, context) {
    const declared = context.skill.declaredHosts;
    for (const url of facts.of('url')) {
      // A URL inside a server's own command line is judged by the command check below.
      if (url.context.headings[0] !== 'mcpServers' || url.context.origin === 'code' || isLocalHost(url.host) || [...declared].some((d) => sameSite(d, url.host))) continue;
      const hostile = isIpLiteral(url.host) || exfilSinkOf(url.host, url.url) !== undefined;
      // A sample config in a reference guide ("connect to your remote server like this") configures nothing by itself.
      const severity = hostile ? 'high' : url.context.origin === 'codeblock' && isReferenceDoc(url, context.skill) ? 'low' : 'medium';
      context.report({ messageId: 'remote', fact: url, data: { server: url.context.headings[1] ?? '?', host: url.host }, severity });
    }
    for (const cmd of facts.of('command')) {
      const registered = mcpClis.has(cmd.name) && cmd.args[0] === 'mcp' && /^add(?:-json)?$/.test(cmd.args[1] ?? '');
      if (cmd.context.headings[0] !== 'mcpServers' && !registered) continue;
      const line = [cmd.name, ...cmd.args].join(' ');
      const server = registered ? cmd.args.slice(2).find((a) => !a.startsWith('-')) ?? '?' : cmd.context.headings[1] ?? '?';
      if ((registered ? riskyRegistration : downloads).test(line)) context.report({ messageId: 'command', fact: cmd, data: { server, command: line.slice(0, 100) } });
    }
    for (const write of facts.of('file-write')) {
      if (configFiles.test(write.path)) context.report({ messageId: 'writesConfig', fact: write, data: { path: write.path } });
    }
  },
};
