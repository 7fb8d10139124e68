// Capability atoms: the tokens without which a block of code can neither reach the network, run
// or load other code, decode or build hidden strings, read secrets or the environment, touch the
// places persistence and credentials live, nor change the system. Every rule of the scanner that
// looks at code facts needs one of them in the code it reads (test/scan/focus.test.ts re-runs every
// rule's must-fire cases inside large files to hold that). The lists are generous on purpose: a
// needless atom costs a little time, a missing one costs a finding.

import type { Block, FocusLang } from './blocks.ts';

const words = (list: string) => list.trim().split(/\s+/).join('|');

/** Everywhere: addresses, encoded data, secrets by name, home and system places, agent files. */
const common = [
  // Each pattern is tried only where it can start (an `@`, the first of a run), so the scan stays linear.
  String.raw`://`, String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\b`, String.raw`(?<=[\w.+-])@[\w-]+\.[A-Za-z]`, String.raw`::`,
  // Long encoded or hex runs, escapes that spell characters, string reversal.
  String.raw`(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40}`, String.raw`\\x[0-9a-fA-F]{2}`, String.raw`\\u[0-9a-fA-F]{4}`, String.raw`\\[0-7]{3}`, String.raw`\[::-1\]`,
  // Secrets and the environment by name (any case).
  String.raw`(?i:token|secret|passw|passphrase|credential|cookie|private|api_?key|auth|session|env|bearer)`,
  // Home, hidden paths, system places and the files persistence and theft go for.
  String.raw`~`, String.raw`(?i:home|user|profile|appdata|library|keychain|wallet|keystore|browser|chrome|firefox|mozilla|history|clipboard)`,
  String.raw`[/~]\.[A-Za-z_]`, String.raw`\.\w*rc\b`, String.raw`/(?:etc|root|var|dev|proc|sys|usr|opt|bin|sbin|lib|boot|private|Users|Volumes|System)\b`,
  String.raw`(?i:ssh|gnupg|gpg|aws|azure|gcloud|kube|docker|npmrc|pypirc|netrc|cron|systemd|launch|sudo|soul|memory|agents|identity|heartbeat|openclaw|clawdbot|clawhub|claude|mcp|cursor|vscode|codex|gemini|copilot)`,
];

/** Shell commands that are rarely anything else: an atom wherever they appear (also inside `sh -c '…'`). */
const shellStrong = words(`
  curl wget ncat netcat socat telnet ssh scp sftp rsync tftp nslookup sendmail mutt swaks msmtp openssl gpg
  base64 base32 basenc xxd hexdump uuencode uudecode gunzip zcat bzip2 unxz 7z 7za unrar eval exec bash zsh
  dash ksh python python3 perl ruby php node nodejs deno bun lua gawk osascript powershell pwsh xargs nohup
  disown setsid crontab systemctl launchctl chkconfig plutil chmod chown chattr chgrp setcap setfacl sudo
  doas pkexec runuser visudo useradd usermod shred wipefs mkfs fdisk nsenter unshare chroot docker podman
  kubectl iptables ip6tables nft ufw firewall-cmd setenforce auditctl spctl csrutil tccutil pkill killall
  printenv unalias npm npx pnpm yarn pip pip3 pipx poetry conda brew apt-get secret-tool pbcopy pbpaste
  xclip xsel wl-copy wl-paste xdotool whoami ifconfig netstat lsof update-rc.d xattr aria2c lwp-download
  diskutil ditto srm nerdctl nping bunx pnpx uvx shasum sha1sum sha256sum sha512sum md5sum cosign minisign
  aa-disable aa-teardown proxychains proxychains4 torsocks caffeinate system_profiler sw_vers lsb_release
  hostnamectl systeminfo netsh ipconfig cmdkey docker-credential doctl glab gcloud
`);
/** Shell commands whose names are also common words: an atom in command position only. */
const shellWeak = words(`
  nc git dig host ping whois mail gzip xz tar zip unzip rar rev iconv source sh fish csh tcsh python2 awk
  parallel screen tmux at batch service defaults su rm rmdir dd parted truncate mount umount ctr kill
  history env export declare typeset set alias ln install trap uv gem cargo go apt yum dnf apk security
  keyring hostname id uname ip arp ss ps find locate od gh az timeout nice ionice stdbuf unbuffer split
`);
/** Where a command name stands: line start, after a separator, a keyword or a prefix command. */
const commandPosition = String.raw`(?:^|[;&|(\x60{]|\$\(|\b(?:then|do|else|if|while|until|time|command|builtin|sudo|doas|exec|xargs|nohup|setsid|env|timeout|nice|ionice|stdbuf|unbuffer|caffeinate|torsocks|proxychains4?)[ \t])[ \t]*(?:![ \t]*)?(?:[A-Za-z_]\w*=[^\s;&|]*[ \t]+)*(?:[^\s;&|]*/)?`;

const shell = [
  String.raw`\b(?:${shellStrong})\b`,
  // In command position: a weak name, or what a variable or a path names (run as a program).
  String.raw`${commandPosition}(?:(?:${shellWeak})(?![\w.-])|["']?(?:\$\{?[A-Za-z_]|\.{0,2}/[\w.]))`,
  // Sourcing, and the shell's own devices.
  String.raw`(?:^|[;&|])[ \t]*\.[ \t]+\S`,
  String.raw`/dev/(?:tcp|udp)`, String.raw`:\(\)`, String.raw`\b(?:sh|fish|csh|tcsh)[ \t]+-\w*c`,
  // A command piped into another and sent to the background: the shape of a fork bomb.
  String.raw`(?<=[\w:.-][ \t]*)\|[ \t]*[\w:.-]+[ \t]*&(?!&)`,
];

/** Python: modules and builtins that reach out, run, load, decode, introspect or change the system. */
const python = [
  String.raw`\b(?:${words(`
    import __import__ importlib exec eval compile getattr setattr delattr globals locals vars
    builtins open input breakpoint memoryview bytearray bytes chr ord
    os sys subprocess pty shutil tempfile pathlib glob signal ctypes cffi mmap multiprocessing threading
    socket socketserver ssl select selectors asyncio requests urllib urllib2 urllib3 http httpx aiohttp
    websocket websockets smtplib ftplib telnetlib paramiko fabric pexpect
    base64 binascii codecs zlib bz2 lzma gzip zipfile tarfile marshal pickle shelve dill
    keyring pyperclip getpass platform uuid webbrowser winreg
    Popen system popen spawn fork kill remove unlink rmtree chmod chown
  `)})\b`,
  String.raw`__\w+__`, String.raw`\bglobal\b`, String.raw`\bnonlocal\b`,
  // Writing, linking and moving files through objects (pathlib, file handles).
  String.raw`\.(?:write|writelines|write_text|write_bytes|touch|mkdir|makedirs|rmdir|unlink|rename|symlink_to|hardlink_to|link_to|chmod|copy\w*|move)\s*\(`,
];

function compile(parts: string[]): RegExp {
  return new RegExp(parts.join('|'), 'gm');
}

const atoms: Record<FocusLang, RegExp> = {
  shell: compile([...common, ...shell]),
  python: compile([...common, ...python]),
};

/**
 * Which blocks hold a capability atom. No atom spans a line, so each lies in one block; once a
 * block has one, the search jumps to the next block.
 */
export function blocksWithAtoms(text: string, blocks: readonly Block[], lang: FocusLang): boolean[] {
  const re = atoms[lang];
  const found = blocks.map(() => false);
  let b = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    while (b < blocks.length && blocks[b]!.end <= m.index) b++;
    if (b === blocks.length) break;
    found[b] = true;
    re.lastIndex = blocks[b]!.end;
  }
  return found;
}
