import { diskWipe } from '../../../src/scan/rules/disk-wipe.ts';
import { testRule } from '../rule-tester.ts';
import { sh } from './common/skills.ts';

testRule(diskWipe, {
  valid: [
    { name: 'dd into an image file', files: sh('dd if=/dev/zero of=./disk.img bs=1M count=10') },
    { name: 'mkfs on an image file', files: sh('mkfs.ext4 ./disk.img') },
    { name: 'dd reading a disk to back it up', files: sh('dd if=/dev/sda of=./backup.img bs=4M') },
  ],
  invalid: [
    { name: 'dd zeroes a disk', files: sh('dd if=/dev/zero of=/dev/sda bs=1M'), errors: [{ messageId: 'wipe', severity: 'critical' }] },
    { name: 'mkfs a device', files: sh('mkfs.ext4 -F /dev/nvme0n1'), errors: [{ messageId: 'wipe' }] },
    { name: 'diskutil erase', files: sh('diskutil eraseDisk JHFS+ Empty /dev/disk2'), errors: [{ messageId: 'wipe' }] },
    { name: 'wipefs', files: sh('sudo wipefs -a /dev/sdb'), errors: [{ messageId: 'wipe' }] },
  ],
});
