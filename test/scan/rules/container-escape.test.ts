import { containerEscape } from '../../../src/scan/rules/container-escape.ts';
import { testRule } from '../rule-tester.ts';
import { doc, sh } from './common/skills.ts';

testRule(containerEscape, {
  valid: [
    { name: 'ordinary container with a project mount', files: sh('docker run --rm -v "$PWD":/app -w /app node:24 npm test') },
    { name: 'host networking only', files: sh('docker run --network host redis:7') },
    { name: 'nsenter into a container pid', files: sh('nsenter -t "$PID" -n ip addr') },
  ],
  invalid: [
    { name: 'privileged', files: sh('docker run --privileged -it alpine sh'), errors: [{ messageId: 'container', severity: 'high' }] },
    { name: 'host root mounted', files: sh('docker run -v /:/host -it alpine chroot /host'), errors: [{ messageId: 'container' }] },
    { name: 'docker socket is medium', files: doc('docker run -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce'), errors: [{ messageId: 'container', severity: 'medium' }] },
    { name: 'nsenter into pid 1', files: sh('nsenter -t 1 -m -u -i -n -p sh'), errors: [{ messageId: 'nsenter' }] },
  ],
});
