// One turn: the model answers, its tool calls are decided by policy, approved when needed, run and
// fed back, until a final answer, the step limit, an error or cancellation.
//
// Crash safety: each model response is committed as a `model` step before any of its tool calls
// runs; each tool call is committed as `started` before it runs and `done` with its result after.
// A restarted turn rebuilds the conversation from its steps: a finished call is never run again,
// a call that was running when the process died is reported to the model as interrupted (it may
// or may not have taken effect, so it is not repeated blindly), and a model call that had not
// been committed is simply asked again.

import type { AuditLog } from '../audit/index.ts';
import type { RuntimeConfig } from '../config/index.ts';
import { decide, type Directory, type Policy } from '../policy/index.ts';
import type { SandboxPool } from '../sandbox/index.ts';
import type { Tool, ToolContext, ToolSkill } from '../tools/types.ts';
import type { Approvals } from './approvals.ts';
import { ModelError, type ChatMessage, type ModelClient, type ModelResponse, type ToolSpec } from './model/index.ts';
import { historyWithin, systemPrompt, wrapToolResult } from './prompt.ts';
import { roleHosts } from './role-hosts.ts';
import type { SessionRow, StepRow, TurnRow, TurnStore } from './turn-store.ts';
import type { AgentEvent, ApprovalView, RuntimeSkill, TurnOutcome } from './types.ts';
import type { UsageStore } from './usage.ts';

export interface TurnDeps {
  turns: TurnStore;
  approvals: Approvals;
  audit: AuditLog;
  usage: UsageStore;
  policy: () => Policy;
  directory?: () => Directory | undefined;
  model: ModelClient;
  tools: ReadonlyMap<string, Tool>;
  skills: () => Promise<RuntimeSkill[]>;
  sandbox: SandboxPool;
  config: RuntimeConfig;
  now: () => Date;
  channel: string;
  /** Resolves when the approval is no longer pending (decided or expired). */
  waitForDecision(approval: ApprovalView, signal: AbortSignal): Promise<ApprovalView>;
}

interface ToolOutput {
  ok: boolean;
  content: string;
  summary: string;
  outcome: 'ok' | 'error' | 'denied' | 'interrupted';
}

/** The abort reason used when the process stops: the turn is left as it is and resumes on the next start. */
export const SHUTDOWN = new Error('Warden is shutting down');

class TurnEnd extends Error {
  readonly status: 'done' | 'failed';
  constructor(status: 'done' | 'failed', message: string) {
    super(message);
    this.status = status;
  }
}

function parseArgs(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return 'the arguments must be a JSON object';
  } catch (error) {
    return `the arguments are not valid JSON (${(error as Error).message})`;
  }
}

function describeCall(tool: string, args: Record<string, unknown>, skill?: string): string {
  const shown = JSON.stringify(args);
  return `${tool}${skill ? ` (skill ${skill})` : ''} ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`;
}

export async function runTurn(deps: TurnDeps, turn: TurnRow, session: SessionRow, emit: (event: AgentEvent) => void, signal: AbortSignal): Promise<TurnOutcome> {
  const turnId = turn.id;
  const { principal } = session;
  const policy = deps.policy();
  const directory = deps.directory?.();
  const steps = await deps.turns.steps(turnId);
  emit({ type: 'turn-start', turnId, resumed: turn.status !== 'queued' || steps.length > 0 });

  const finish = async (status: 'done' | 'failed', text: string): Promise<TurnOutcome> => {
    await deps.turns.setStatus(turnId, status, status === 'done' ? { answer: text } : { answer: text, error: text });
    emit(status === 'done' ? { type: 'final', turnId, text } : { type: 'error', turnId, message: text });
    return { turnId, status, text };
  };

  if (turn.status === 'queued') {
    const usage = await deps.usage.today(principal.id);
    const admitted = decide(policy, { principal, action: { kind: 'turn', usage }, ...(directory ? { directory } : {}) });
    await deps.audit.append({ type: 'message-in', actor: `user:${principal.id}`, principal: principal.id, outcome: admitted.effect, reason: admitted.reason, data: { turn: turnId, session: session.id, channel: session.channel, conversation: session.conversationId, text: turn.input.slice(0, 2000) } });
    if (admitted.effect !== 'allow') return finish('failed', `Sorry, I can't take this message: ${admitted.reason}.`);
    await deps.usage.add(principal.id, { turns: 1 });
    await deps.turns.setStatus(turnId, 'running');
  }

  // The skills this person may use now: approved, verified on disk, gated, and allowed by policy.
  const skills = (await deps.skills()).filter((s) => decide(policy, { principal, action: { kind: 'skill', skill: s.name }, ...(directory ? { directory } : {}) }).effect !== 'deny');
  const toolSkills = new Map<string, ToolSkill>(skills.map((s) => [s.name, { name: s.name, dir: s.dir, version: s.version, allowHosts: s.allowHosts, secrets: s.secrets }]));
  const offered = [...deps.tools.values()].filter((t) => decide(policy, { principal, action: { kind: 'tool', tool: t.name }, ...(directory ? { directory } : {}) }).effect !== 'deny');
  const toolSpecs: ToolSpec[] = offered.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters as Record<string, unknown> }));
  const containmentAudits: Array<Promise<unknown>> = [];
  const context: ToolContext = {
    principal: { id: principal.id, ...(principal.userId ? { userId: principal.userId } : {}), ...(principal.unionId ? { unionId: principal.unionId } : {}), ...(principal.name ? { name: principal.name } : {}), ...(principal.external ? { external: true } : {}) },
    workspace: session.workspace,
    skills: toolSkills,
    roleHosts: roleHosts(policy, principal, directory),
    sandbox: deps.sandbox,
    signal,
    progress: (text) => emit({ type: 'progress', turnId, text }),
    onContainmentEvent: (event) => {
      // Appended in order by the log; a failure to append must not kill the command's result.
      const type = event.type === 'egress.decision' ? 'egress-decision' : 'sandbox-run';
      const outcome = event.type === 'egress.decision' ? event.outcome : event.type === 'sandbox.run' ? event.outcome : 'violation';
      const reason = event.type === 'sandbox.violation' ? event.detail : event.reason;
      containmentAudits.push(deps.audit.append({ type, actor: 'sandbox', principal: principal.id, outcome, reason, data: { turn: turnId, ...event } }).catch(() => {}));
    },
  };

  const system = systemPrompt({ principal, skills, now: deps.now(), channel: session.channel });
  const history = historyWithin(await deps.turns.history(session.id, turnId, 50), Math.max(0, deps.config.contextChars - system.length - turn.input.length));
  const messages: ChatMessage[] = [{ role: 'system', content: system }];
  for (const h of history) messages.push({ role: 'user', content: h.input }, { role: 'assistant', content: h.answer });
  messages.push({ role: 'user', content: turn.input });

  // Rebuild the turn so far from its committed steps.
  let nextIdx = 0;
  let modelSteps = 0;
  let pending: ModelResponse['toolCalls'] = [];
  for (const step of steps) {
    nextIdx = step.idx + 1;
    if (step.kind === 'model') {
      if (step.status !== 'done') continue;
      modelSteps++;
      const response = JSON.parse(step.input) as ModelResponse;
      messages.push(assistantMessage(response));
      pending = [...response.toolCalls];
      if (response.toolCalls.length === 0) return finish('done', response.text);
    } else {
      pending = pending.filter((c) => c.id !== step.call_id);
      let output: ToolOutput;
      if (step.status === 'done' && step.output) output = JSON.parse(step.output) as ToolOutput;
      else {
        output = { ok: false, outcome: 'interrupted', summary: 'interrupted by a restart', content: 'This tool call was interrupted when Warden restarted. It may or may not have taken effect and was NOT run again; check its effect before retrying.' };
        await deps.turns.finishStep(turnId, step.idx, { output: JSON.stringify(output) });
        await deps.audit.append({ type: 'tool-call', actor: 'agent', principal: principal.id, outcome: 'interrupted', reason: 'the process stopped while the call ran; not repeated', data: { turn: turnId, tool: step.name, call: step.call_id } });
      }
      messages.push({ role: 'tool', tool_call_id: step.call_id ?? '', content: wrapToolResult(step.name ?? 'tool', output.ok, output.content, deps.config.maxToolResultChars) });
    }
  }

  try {
    for (;;) {
      for (const call of pending) {
        if (signal.aborted) throw new TurnEnd('failed', 'The turn was cancelled.');
        const output = await runCall(call, nextIdx);
        nextIdx++;
        messages.push({ role: 'tool', tool_call_id: call.id, content: wrapToolResult(call.name, output.ok, output.content, deps.config.maxToolResultChars) });
      }
      if (modelSteps >= deps.config.maxSteps) throw new TurnEnd('failed', `I stopped after ${modelSteps} steps without reaching an answer (the limit is ${deps.config.maxSteps}). Please narrow the request.`);
      fitContext(messages, deps.config.contextChars);
      const idx = nextIdx++;
      await deps.turns.addStep({ turn_id: turnId, idx, kind: 'model', status: 'started', call_id: null, name: null, input: '{}', output: null });
      const response = await callModel(messages, toolSpecs);
      await deps.turns.finishStep(turnId, idx, { input: JSON.stringify(response) });
      modelSteps++;
      messages.push(assistantMessage(response));
      if (response.toolCalls.length === 0) return await finish('done', response.text);
      pending = response.toolCalls;
    }
  } catch (error) {
    if (signal.aborted && signal.reason === SHUTDOWN) throw SHUTDOWN;
    if (error instanceof TurnEnd) return finish(error.status, error.message);
    if (signal.aborted) return finish('failed', 'The turn was cancelled.');
    if (error instanceof ModelError) {
      const text = error.kind === 'aborted' ? 'The turn was cancelled.' : `Sorry, the model could not answer: ${error.message}`;
      return finish('failed', text);
    }
    throw error;
  }

  async function callModel(history: ChatMessage[], tools: ToolSpec[]): Promise<ModelResponse> {
    try {
      const response = await deps.model.complete({ messages: history, ...(tools.length ? { tools } : {}), signal, onDelta: (text) => emit({ type: 'text-delta', turnId, text }) });
      const tokens = response.usage.promptTokens + response.usage.completionTokens;
      await deps.usage.add(principal.id, { tokens });
      await deps.audit.append({ type: 'model-call', actor: 'agent', principal: principal.id, outcome: 'ok', reason: `finish: ${response.finishReason}`, data: { turn: turnId, tokens, toolCalls: response.toolCalls.map((c) => c.name) } });
      return response;
    } catch (error) {
      await deps.audit.append({ type: 'model-call', actor: 'agent', principal: principal.id, outcome: 'error', reason: (error as Error).message, data: { turn: turnId } });
      throw error;
    }
  }

  async function runCall(call: ModelResponse['toolCalls'][number], idx: number): Promise<ToolOutput> {
    const record = async (output: ToolOutput, args: unknown, started: boolean): Promise<ToolOutput> => {
      if (started) await deps.turns.finishStep(turnId, idx, { output: JSON.stringify(output) });
      else await deps.turns.addStep({ turn_id: turnId, idx, kind: 'tool', status: 'done', call_id: call.id, name: call.name, input: JSON.stringify(args), output: JSON.stringify(output) });
      await deps.audit.append({ type: 'tool-call', actor: 'agent', principal: principal.id, outcome: output.outcome, reason: output.summary, data: { turn: turnId, tool: call.name, call: call.id, args } });
      emit({ type: 'tool-result', turnId, callId: call.id, name: call.name, ok: output.ok, summary: output.summary });
      return output;
    };
    const args = parseArgs(call.arguments);
    if (typeof args === 'string') return record({ ok: false, outcome: 'error', summary: 'bad arguments', content: `Tool ${call.name}: ${args}.` }, call.arguments, false);
    emit({ type: 'tool-call', turnId, callId: call.id, name: call.name, args });
    const tool = deps.tools.get(call.name);
    if (!tool) return record({ ok: false, outcome: 'error', summary: 'unknown tool', content: `There is no tool named "${call.name}". Available: ${toolSpecs.map((t) => t.name).join(', ')}.` }, args, false);
    const skill = tool.skillOf?.(args);
    if (skill !== undefined && !toolSkills.has(skill)) {
      const content = `Skill "${skill}" is not available to you (not installed, not approved, changed on disk, or not allowed by policy).`;
      emit({ type: 'policy-decision', turnId, callId: call.id, tool: call.name, effect: 'deny', reason: content, rule: 'skill-unavailable' });
      return record({ ok: false, outcome: 'denied', summary: `denied: skill ${skill} unavailable`, content }, args, false);
    }
    const decision = decide(policy, { principal, action: { kind: 'tool', tool: call.name, ...(skill ? { skill } : {}), args }, ...(directory ? { directory } : {}) });
    emit({ type: 'policy-decision', turnId, callId: call.id, tool: call.name, effect: decision.effect, reason: decision.reason, rule: decision.rule });
    await deps.audit.append({ type: 'policy-decision', actor: 'policy', principal: principal.id, outcome: decision.effect, reason: decision.reason, data: { turn: turnId, tool: call.name, skill, args, rule: decision.rule, roles: decision.roles } });
    if (decision.effect === 'deny') return record({ ok: false, outcome: 'denied', summary: `denied by policy (${decision.rule})`, content: `Denied by the company's policy: ${decision.reason}. Do not try to reach the same result another way; tell the person.` }, args, false);
    if (decision.effect === 'ask') {
      const { approval } = await deps.approvals.request({
        turnId,
        callId: call.id,
        principal,
        tool: call.name,
        ...(skill ? { skill } : {}),
        args,
        action: describeCall(call.name, args, skill),
        reason: decision.reason,
        rule: decision.rule,
        approvers: decision.approvers ?? { role: 'admin' },
        expiresMinutes: decision.expiresMinutes ?? 60,
      });
      let decided = approval;
      if (approval.status === 'pending') {
        emit({ type: 'approval-needed', turnId, approval });
        await deps.turns.setStatus(turnId, 'waiting');
        decided = await deps.waitForDecision(approval, signal);
        await deps.turns.setStatus(turnId, 'running');
      }
      emit({ type: 'approval-decided', turnId, approval: decided });
      if (decided.status !== 'approved') {
        const why = decided.status === 'expired' ? 'nobody approved it in time' : `${decided.decidedBy ?? 'the approver'} denied it${decided.note ? `: ${decided.note}` : ''}`;
        return record({ ok: false, outcome: 'denied', summary: `not approved (${decided.status})`, content: `This action needed approval and was not approved: ${why}. Tell the person; do not retry it.` }, args, false);
      }
    }
    await deps.turns.addStep({ turn_id: turnId, idx, kind: 'tool', status: 'started', call_id: call.id, name: call.name, input: JSON.stringify(args), output: null });
    let output: ToolOutput;
    try {
      const result = await tool.run(args, context);
      const denied = result.data?.denied === true;
      output = { ok: result.ok, content: result.content, summary: result.summary, outcome: denied ? 'denied' : result.ok ? 'ok' : 'error' };
    } catch (error) {
      output = { ok: false, outcome: 'error', summary: 'tool failed', content: `The tool failed: ${(error as Error).message}` };
    }
    await Promise.allSettled(containmentAudits.splice(0));
    return record(output, args, true);
  }
}

function assistantMessage(response: ModelResponse): ChatMessage {
  if (response.toolCalls.length === 0) return { role: 'assistant', content: response.text };
  return {
    role: 'assistant',
    content: response.text || null,
    tool_calls: response.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })),
  };
}

/** Keeps the request under the budget by emptying the oldest tool results of this turn first. */
function fitContext(messages: ChatMessage[], budget: number): void {
  const size = () => messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : JSON.stringify(m.content ?? '').length), 0);
  for (let i = 0; i < messages.length && size() > budget; i++) {
    const m = messages[i]!;
    if (m.role === 'tool' && typeof m.content === 'string' && m.content.length > 200) {
      messages[i] = { ...m, content: '<tool_result status="removed">[this earlier tool result was removed to fit the context budget]</tool_result>' };
    }
  }
}

export type { StepRow };
