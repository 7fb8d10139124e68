import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, startWorkHarness } from './work-harness.ts';

test('work routes count against the per-app QPS (20/s): a burst gets DingTalk\'s 403 QpsLimit', async () => {
  const h = await startWorkHarness({ enforceRateLimits: true });
  try {
    const path = `/v1.0/notable/bases/${DEMO.base}/sheets?operatorId=${DEMO.li.unionId}`;
    const answers = await Promise.all(Array.from({ length: 60 }, () => h.call('GET', path)));
    const throttled = answers.filter((a) => a.status === 403);
    assert.ok(throttled.length >= 1);
    assert.ok(answers.every((a) => a.status === 200 || a.status === 403));
    assert.equal(throttled[0]!.body.code, 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi');
  } finally {
    await h.close();
  }
});
