// The built-in rules: an explicit map sorted by id (a test checks it is sorted and complete: one
// entry per file in this folder, each keyed by its file name).

import type { Rule } from '../types.ts';
import { agentConfigRead } from './agent-config-read.ts';
import { agentMemoryWrite } from './agent-memory-write.ts';
import { agentNoteInData } from './agent-note-in-data.ts';
import { agentTakeover } from './agent-takeover.ts';
import { approvalBypass } from './approval-bypass.ts';
import { authorizedKeysWrite } from './authorized-keys-write.ts';
import { autostartPersistence } from './autostart-persistence.ts';
import { browserStoreRead } from './browser-store-read.ts';
import { bundleAnomaly } from './bundle-anomaly.ts';
import { clickfixLure } from './clickfix-lure.ts';
import { cloudCredentialRead } from './cloud-credential-read.ts';
import { concealmentInstruction } from './concealment-instruction.ts';
import { containerEscape } from './container-escape.ts';
import { conversationExfiltration } from './conversation-exfiltration.ts';
import { credentialHarvestInstruction } from './credential-harvest-instruction.ts';
import { cronPersistence } from './cron-persistence.ts';
import { decodedPayloadExec } from './decoded-payload-exec.ts';
import { denialEvasion } from './denial-evasion.ts';
import { destructiveDelete } from './destructive-delete.ts';
import { diskWipe } from './disk-wipe.ts';
import { dnsExfil } from './dns-exfil.ts';
import { dotenvRead } from './dotenv-read.ts';
import { dynamicEval } from './dynamic-eval.ts';
import { encodedCodeBlob } from './encoded-code-blob.ts';
import { envDump } from './env-dump.ts';
import { exfilReadAndSend } from './exfil-read-and-send.ts';
import { exfilServiceHost } from './exfil-service-host.ts';
import { extraIndexUrl } from './extra-index-url.ts';
import { fakePrerequisite } from './fake-prerequisite.ts';
import { forkBomb } from './fork-bomb.ts';
import { gitPushExfil } from './git-push-exfil.ts';
import { hiddenInstructions } from './hidden-instructions.ts';
import { icmpPayload } from './icmp-payload.ts';
import { insecureDependencySource } from './insecure-dependency-source.ts';
import { installDownloadUnverified } from './install-download-unverified.ts';
import { installHookNetwork } from './install-hook-network.ts';
import { instructionOverride } from './instruction-override.ts';
import { keychainAccess } from './keychain-access.ts';
import { launchAgentWrite } from './launch-agent-write.ts';
import { mailExfil } from './mail-exfil.ts';
import { mcpConfigPoisoning } from './mcp-config-poisoning.ts';
import { memoryPoisoningInstruction } from './memory-poisoning-instruction.ts';
import { passwordArchiveDownload } from './password-archive-download.ts';
import { pathHijack } from './path-hijack.ts';
import { powershellCradle } from './powershell-cradle.ts';
import { purposeMismatch } from './purpose-mismatch.ts';
import { rawIpEndpoint } from './raw-ip-endpoint.ts';
import { remoteCodeEval } from './remote-code-eval.ts';
import { remoteInstructions } from './remote-instructions.ts';
import { remoteScriptExec } from './remote-script-exec.ts';
import { reverseShellCommand } from './reverse-shell-command.ts';
import { reverseShellSocket } from './reverse-shell-socket.ts';
import { secretExfilFlow } from './secret-exfil-flow.ts';
import { secretPhishing } from './secret-phishing.ts';
import { securityToolDisable } from './security-tool-disable.ts';
import { setuidSetcap } from './setuid-setcap.ts';
import { shellHistoryRead } from './shell-history-read.ts';
import { shellRcWrite } from './shell-rc-write.ts';
import { sshKeyRead } from './ssh-key-read.ts';
import { stringBuiltCommand } from './string-built-command.ts';
import { sudoUsage } from './sudo-usage.ts';
import { sudoersWrite } from './sudoers-write.ts';
import { supplyChainAnomalies } from './supply-chain-anomalies.ts';
import { systemSecretRead } from './system-secret-read.ts';
import { systemWideChmod } from './system-wide-chmod.ts';
import { systemdUnitWrite } from './systemd-unit-write.ts';
import { tlsVerifyOff } from './tls-verify-off.ts';
import { typosquatPackage } from './typosquat-package.ts';
import { undeclaredSecretEnv } from './undeclared-secret-env.ts';
import { unicodeBidiControl } from './unicode-bidi-control.ts';
import { unicodeControlCharacters } from './unicode-control-characters.ts';
import { unicodeHiddenPayload } from './unicode-hidden-payload.ts';
import { unicodeHomoglyph } from './unicode-homoglyph.ts';
import { unicodeZeroWidth } from './unicode-zero-width.ts';
import { unpinnedInstall } from './unpinned-install.ts';
import { unusualPort } from './unusual-port.ts';
import { walletRead } from './wallet-read.ts';

export const ruleMap: Readonly<Record<string, Rule>> = {
  'agent-config-read': agentConfigRead,
  'agent-memory-write': agentMemoryWrite,
  'agent-note-in-data': agentNoteInData,
  'agent-takeover': agentTakeover,
  'approval-bypass': approvalBypass,
  'authorized-keys-write': authorizedKeysWrite,
  'autostart-persistence': autostartPersistence,
  'browser-store-read': browserStoreRead,
  'bundle-anomaly': bundleAnomaly,
  'clickfix-lure': clickfixLure,
  'cloud-credential-read': cloudCredentialRead,
  'concealment-instruction': concealmentInstruction,
  'container-escape': containerEscape,
  'conversation-exfiltration': conversationExfiltration,
  'credential-harvest-instruction': credentialHarvestInstruction,
  'cron-persistence': cronPersistence,
  'decoded-payload-exec': decodedPayloadExec,
  'denial-evasion': denialEvasion,
  'destructive-delete': destructiveDelete,
  'disk-wipe': diskWipe,
  'dns-exfil': dnsExfil,
  'dotenv-read': dotenvRead,
  'dynamic-eval': dynamicEval,
  'encoded-code-blob': encodedCodeBlob,
  'env-dump': envDump,
  'exfil-read-and-send': exfilReadAndSend,
  'exfil-service-host': exfilServiceHost,
  'extra-index-url': extraIndexUrl,
  'fake-prerequisite': fakePrerequisite,
  'fork-bomb': forkBomb,
  'git-push-exfil': gitPushExfil,
  'hidden-instructions': hiddenInstructions,
  'icmp-payload': icmpPayload,
  'insecure-dependency-source': insecureDependencySource,
  'install-download-unverified': installDownloadUnverified,
  'install-hook-network': installHookNetwork,
  'instruction-override': instructionOverride,
  'keychain-access': keychainAccess,
  'launch-agent-write': launchAgentWrite,
  'mail-exfil': mailExfil,
  'mcp-config-poisoning': mcpConfigPoisoning,
  'memory-poisoning-instruction': memoryPoisoningInstruction,
  'password-archive-download': passwordArchiveDownload,
  'path-hijack': pathHijack,
  'powershell-cradle': powershellCradle,
  'purpose-mismatch': purposeMismatch,
  'raw-ip-endpoint': rawIpEndpoint,
  'remote-code-eval': remoteCodeEval,
  'remote-instructions': remoteInstructions,
  'remote-script-exec': remoteScriptExec,
  'reverse-shell-command': reverseShellCommand,
  'reverse-shell-socket': reverseShellSocket,
  'secret-exfil-flow': secretExfilFlow,
  'secret-phishing': secretPhishing,
  'security-tool-disable': securityToolDisable,
  'setuid-setcap': setuidSetcap,
  'shell-history-read': shellHistoryRead,
  'shell-rc-write': shellRcWrite,
  'ssh-key-read': sshKeyRead,
  'string-built-command': stringBuiltCommand,
  'sudo-usage': sudoUsage,
  'sudoers-write': sudoersWrite,
  'supply-chain-anomalies': supplyChainAnomalies,
  'system-secret-read': systemSecretRead,
  'system-wide-chmod': systemWideChmod,
  'systemd-unit-write': systemdUnitWrite,
  'tls-verify-off': tlsVerifyOff,
  'typosquat-package': typosquatPackage,
  'undeclared-secret-env': undeclaredSecretEnv,
  'unicode-bidi-control': unicodeBidiControl,
  'unicode-control-characters': unicodeControlCharacters,
  'unicode-hidden-payload': unicodeHiddenPayload,
  'unicode-homoglyph': unicodeHomoglyph,
  'unicode-zero-width': unicodeZeroWidth,
  'unpinned-install': unpinnedInstall,
  'unusual-port': unusualPort,
  'wallet-read': walletRead,
};

export const rules: readonly Rule[] = Object.values(ruleMap);
