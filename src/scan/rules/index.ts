// The built-in rules: an explicit map sorted by id (a test checks it is sorted and complete: one
// entry per file in this folder, each keyed by its file name).

import type { Rule } from '../types.ts';
import { agentConfigRead } from './agent-config-read.ts';
import { agentMemoryWrite } from './agent-memory-write.ts';
import { authorizedKeysWrite } from './authorized-keys-write.ts';
import { browserStoreRead } from './browser-store-read.ts';
import { cloudCredentialRead } from './cloud-credential-read.ts';
import { containerEscape } from './container-escape.ts';
import { cronPersistence } from './cron-persistence.ts';
import { decodedPayloadExec } from './decoded-payload-exec.ts';
import { destructiveDelete } from './destructive-delete.ts';
import { diskWipe } from './disk-wipe.ts';
import { dnsExfil } from './dns-exfil.ts';
import { dotenvRead } from './dotenv-read.ts';
import { dynamicEval } from './dynamic-eval.ts';
import { encodedCodeBlob } from './encoded-code-blob.ts';
import { envDump } from './env-dump.ts';
import { exfilReadAndSend } from './exfil-read-and-send.ts';
import { forkBomb } from './fork-bomb.ts';
import { gitPushExfil } from './git-push-exfil.ts';
import { installDownloadUnverified } from './install-download-unverified.ts';
import { keychainAccess } from './keychain-access.ts';
import { launchAgentWrite } from './launch-agent-write.ts';
import { mailExfil } from './mail-exfil.ts';
import { passwordArchiveDownload } from './password-archive-download.ts';
import { pathHijack } from './path-hijack.ts';
import { powershellCradle } from './powershell-cradle.ts';
import { remoteCodeEval } from './remote-code-eval.ts';
import { remoteScriptExec } from './remote-script-exec.ts';
import { reverseShellCommand } from './reverse-shell-command.ts';
import { reverseShellSocket } from './reverse-shell-socket.ts';
import { secretExfilFlow } from './secret-exfil-flow.ts';
import { securityToolDisable } from './security-tool-disable.ts';
import { setuidSetcap } from './setuid-setcap.ts';
import { shellHistoryRead } from './shell-history-read.ts';
import { shellRcWrite } from './shell-rc-write.ts';
import { sshKeyRead } from './ssh-key-read.ts';
import { stringBuiltCommand } from './string-built-command.ts';
import { sudoUsage } from './sudo-usage.ts';
import { sudoersWrite } from './sudoers-write.ts';
import { systemSecretRead } from './system-secret-read.ts';
import { systemWideChmod } from './system-wide-chmod.ts';
import { systemdUnitWrite } from './systemd-unit-write.ts';
import { tlsVerifyOff } from './tls-verify-off.ts';
import { walletRead } from './wallet-read.ts';

export const ruleMap: Readonly<Record<string, Rule>> = {
  'agent-config-read': agentConfigRead,
  'agent-memory-write': agentMemoryWrite,
  'authorized-keys-write': authorizedKeysWrite,
  'browser-store-read': browserStoreRead,
  'cloud-credential-read': cloudCredentialRead,
  'container-escape': containerEscape,
  'cron-persistence': cronPersistence,
  'decoded-payload-exec': decodedPayloadExec,
  'destructive-delete': destructiveDelete,
  'disk-wipe': diskWipe,
  'dns-exfil': dnsExfil,
  'dotenv-read': dotenvRead,
  'dynamic-eval': dynamicEval,
  'encoded-code-blob': encodedCodeBlob,
  'env-dump': envDump,
  'exfil-read-and-send': exfilReadAndSend,
  'fork-bomb': forkBomb,
  'git-push-exfil': gitPushExfil,
  'install-download-unverified': installDownloadUnverified,
  'keychain-access': keychainAccess,
  'launch-agent-write': launchAgentWrite,
  'mail-exfil': mailExfil,
  'password-archive-download': passwordArchiveDownload,
  'path-hijack': pathHijack,
  'powershell-cradle': powershellCradle,
  'remote-code-eval': remoteCodeEval,
  'remote-script-exec': remoteScriptExec,
  'reverse-shell-command': reverseShellCommand,
  'reverse-shell-socket': reverseShellSocket,
  'secret-exfil-flow': secretExfilFlow,
  'security-tool-disable': securityToolDisable,
  'setuid-setcap': setuidSetcap,
  'shell-history-read': shellHistoryRead,
  'shell-rc-write': shellRcWrite,
  'ssh-key-read': sshKeyRead,
  'string-built-command': stringBuiltCommand,
  'sudo-usage': sudoUsage,
  'sudoers-write': sudoersWrite,
  'system-secret-read': systemSecretRead,
  'system-wide-chmod': systemWideChmod,
  'systemd-unit-write': systemdUnitWrite,
  'tls-verify-off': tlsVerifyOff,
  'wallet-read': walletRead,
};

export const rules: readonly Rule[] = Object.values(ruleMap);
