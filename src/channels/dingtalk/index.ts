// The DingTalk channel: Stream-mode receipt (store, then acknowledge; dedup by msgId), message
// normalisation, replies (AI card streaming, session webhook, robot OpenAPI), the directory and
// approval cards; and the DingtalkApi the work tools call DingTalk through.

export { createDingtalkChannel } from './channel.ts';
export { createDingtalkApiClient } from './api-client.ts';
export type { DingtalkApiClient, DingtalkApiClientOptions } from './api-client.ts';
export { DingtalkApiError } from './api-types.ts';
export type { DingtalkApi, DingtalkRequest } from './api-types.ts';
export { splitMarkdown } from './markdown-split.ts';
export type {
  ApprovalCardRequest,
  ApprovalClick,
  ApprovalOutcome,
  DingtalkChannel,
  DingtalkChannelConfig,
  DingtalkChannelOptions,
  DingtalkChannelTuning,
  DingtalkPerson,
  InboundAttachment,
  InboundMessage,
  Replier,
} from './types.ts';
