// Tables owned by the dingtalk part. The migration that creates them is migrations/0004-dingtalk.ts;
// a column added later is a new migration, never an edit of a released one.

/**
 * Every robot message DingTalk delivered, stored before it is acknowledged. `msg_id` (DingTalk's
 * data.msgId) is the primary key and `frame_message_id` (the Stream frame's headers.messageId) is
 * unique too: the insert is the dedup point, so a redelivery, a reconnect or a second instance
 * cannot take a message twice.
 */
export interface DingtalkInboxTable {
  msg_id: string;
  frame_message_id: string;
  conversation_id: string;
  /** Sorts the messages of one conversation in the order their senders wrote them: DingTalk's
   *  createAt (epoch ms, zero-padded) then the receipt time. */
  order_key: string;
  /** The robot callback's data, as DingTalk sent it (JSON text). */
  payload: string;
  received_at: string;
  /** Set by markAnswered once the answer is delivered; until then a restart dispatches it again. */
  answered_at: string | null;
}

/** One approval request shown as interactive cards, one copy per approver (1:1 with the bot). */
export interface DingtalkApprovalCardsTable {
  approval_id: string;
  /** The one-time value every button of this request carries; a click must present it. */
  nonce: string;
  /** JSON array of the userIds the card was sent to: only they may decide. */
  approver_user_ids: string;
  /** JSON array of {userId, outTrackId}: the card copies, updated together when it is decided. */
  cards: string;
  /** JSON of the request as shown (action, reason, requester, expiresAt). */
  request: string;
  /** open → clicked (a click is being decided) → decided; or expired. */
  status: string;
  decision: string | null;
  decided_by: string | null;
  created_at: string;
  expires_at: string;
}

export interface DingtalkTables {
  dingtalk_inbox: DingtalkInboxTable;
  dingtalk_approval_cards: DingtalkApprovalCardsTable;
}
