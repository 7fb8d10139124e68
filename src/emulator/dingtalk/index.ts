// The DingTalk emulator: a loopback server that speaks DingTalk's wire protocol as Warden uses it.
// One base URL serves the v1.0 API (`/v1.0/...`), the legacy oapi paths (`/gettoken`,
// `/topapi/...`), session webhooks (`/robot/sendBySession`), the Stream WebSocket (`/connect`) and
// the control API (`/_emulator/...`).

export { startDingtalkEmulator } from './start.ts';
export type { DingtalkEmulator, DingtalkEmulatorOptions } from './start.ts';
export type { EmulatorControl, OrgSummary } from './control.ts';
export { ControlInputError } from './robot-inbound.ts';
export type { InboundContent, PostMessageInput, PostMessageResult } from './robot-inbound.ts';
export type { CardClickInput, CardClickResult } from './card-clicks.ts';
export type { CardView, OutboxEvent, SentMessage } from './outbox.ts';
export type { EmulatorContext, OrgApp, OrgChat, OrgDepartment, OrgState, OrgUser } from './context.ts';
export { loadOrgFile, parseOrg } from './org.ts';
export type { OrgDocument } from './org.ts';
