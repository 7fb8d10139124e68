import type { CardView } from '../../src/emulator/dingtalk/index.ts';
import type { DingtalkWorld } from './dingtalk-support.ts';

export function faultsSuite(_world: () => DingtalkWorld, _helpers: { answerCard: (w: DingtalkWorld, c: string) => CardView | undefined; chatOf: (u: string) => string }): void {}
