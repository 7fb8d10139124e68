// Reads of cloud and registry credential files (~/.aws, gcloud, ~/.azure, ~/.kube, docker, netrc,
// npmrc). Cloud CLIs read them themselves; a skill reading the file directly wants the secret.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const cloudCredentialRead = createSensitiveReadRule({
  id: 'cloud-credential-read',
  classes: ['cloud'],
  severity: 'medium',
  title: 'Reads cloud or registry credentials',
  description: 'The skill reads a cloud provider credential file (AWS, Google Cloud, Azure, Kubernetes, Docker) or stored registry/git credentials (.netrc, .npmrc, .git-credentials).',
  references: ['https://attack.mitre.org/techniques/T1552/001/'],
});
