// Overwriting or formatting a disk device: `dd of=/dev/sda`, `mkfs.* /dev/…`, `wipefs -a`,
// `diskutil eraseDisk`, `format C:`. Disk images in files (`dd of=./disk.img`) are not reported.

import type { Rule } from '../types.ts';
import { commandLine, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';

const device = /^\/dev\/(?:sd[a-z]|nvme\d|hd[a-z]|xvd[a-z]|vd[a-z]|mmcblk\d|disk\d|rdisk\d|mapper\/|md\d)/;

export const diskWipe: Rule = {
  meta: {
    id: 'disk-wipe',
    category: 'destructive',
    severity: 'critical',
    title: 'Wipes or formats a disk',
    description: 'The skill writes raw data over a disk device or formats it, destroying everything on it.',
    references: ['https://attack.mitre.org/techniques/T1561/'],
    messages: { wipe: 'Overwrites or formats the disk {{target}}.' },
  },
  check(facts, context) {
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      let target: string | undefined;
      if (program === 'dd') target = cmd.args.find((a) => a.startsWith('of='))?.slice(3);
      else if (/^mkfs(?:\.\w+)?$|^wipefs$|^mke2fs$|^newfs\w*$/.test(program)) target = cmd.args.find((a) => device.test(a));
      else if (program === 'diskutil' && /\berase(?:disk|volume)\b/i.test(commandLine(cmd))) target = cmd.args.at(-1);
      else if (program === 'format' && cmd.args.some((a) => /^[a-z]:$/i.test(a))) target = cmd.args.find((a) => /^[a-z]:$/i.test(a));
      if (!target) continue;
      if (program !== 'diskutil' && program !== 'format' && !device.test(target)) continue;
      context.report({ messageId: 'wipe', fact: cmd, data: { target }, severity: weigh('critical', cmd, context.skill) });
    }
  },
};
