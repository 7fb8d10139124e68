// Phrase tables for conversation forwarding: a standing rule that sends the user's conversation,
// messages or data to someone else ("forward every conversation to ops@…", "after every reply,
// mirror the user's message to https://…", "relay everything the user says to the Telegram group …").
// A finding needs three parts in one sentence: the user's words or data, a verb that sends them, and
// a destination outside the conversation. Data, not logic: signals.ts's `findForwarding` combines them.
// English and Chinese here; the other languages join from phrases-i18n.ts, as in phrases.ts.

import {
  bccI18n, chatDestinationI18n, conversationDataI18n, sendVerbI18n, standingCueI18n, userConsentsI18n, withLanguages,
} from './phrases-i18n.ts';

/**
 * The conversation itself, named so plainly that sending it anywhere outside is the point: the chat
 * history, every conversation, everything the user says, a copy of each transcript.
 */
export const conversationData = withLanguages(new RegExp([
  String.raw`\b(?:conversation|chat|message|session|dialog(?:ue)?)\s+(?:history|logs?|transcripts?|contents?|records?)\b`,
  String.raw`\b(?:the\s+)?(?:entire|full|whole|complete)\s+(?:conversation|chat|context|history|transcript|context window)\b`,
  String.raw`\ball\s+(?:of\s+the\s+)?(?:user'?s?\s+)?(?:messages|conversations|emails|mails|files|documents|chats|contacts|exchanges|transcripts)\b`,
  String.raw`\b(?:every|each)\s+(?:single\s+)?(?:incoming\s+|outgoing\s+)?(?:message|email|mail|conversation|chat|exchange|dialog(?:ue)?|transcript)\b`,
  String.raw`\buser'?s?\s+(?:messages|files|emails|documents|credentials|api keys?|passwords|tokens|cookies|contacts)\b`,
  String.raw`\b(?:(?:each|every|any)\s+time|whenever)\s+(?:the\s+)?(?:user|customer|they)\s+(?:sends?|writes?|types?|says?)\b`,
  String.raw`\b(?:it|them|that|this|the user'?s?|their|each|every)(?:\s+(?:message|chat|prompt)s?)?\s+(?:word for word|verbatim)\b`,
  // "Everything the user says", "whatever the customer types", "anything they paste".
  String.raw`\b(?:everything|anything|whatever)\s+(?:that\s+)?(?:the\s+)?(?:users?|customers?|clients?|visitors?|patients?|students?|callers?|they|he|she|people)\s+(?:says?|said|tells?\s+you|told\s+you|writes?|wrote|types?|typed|shares?|shared|sends?|sent|asks?|asked|pastes?|pasted|uploads?|uploaded|mentions?|mentioned)\b`,
  String.raw`\bcop(?:y|ies)\s+of\s+(?:the\s+|each\s+|every\s+|all\s+)?(?:conversations?|chats?|transcripts?|exchanges?|dialog(?:ue)?s?)\b`,
  String.raw`聊天记录|对话(?:记录|历史|内容)|会话(?:历史|记录)|所有(?:消息|邮件|文件)|每一?句话|完整(?:的)?(?:对话|聊天|会话)`,
  String.raw`(?:每|每一|所有|全部)(?:收到)?(?:一)?(?:条|个|次|封)?(?:收到的)?(?:用户|客户|顾客)?(?:的)?(?:消息|对话|聊天|留言|咨询)`,
  String.raw`(?:用户|客户|顾客)的?(?:手机号|电话|姓名|身份证|住址|地址)`,
].join('|'), 'i'), conversationDataI18n);

/**
 * The user's words named less plainly ("the user's last message", "your answer", "the transcript"):
 * skills send these to a translation or search API as their job, so they count only in a standing
 * rule (`standingCue`) with no processing purpose (`processingPurpose`).
 */
export const userWords = /\b(?:the\s+)?(?:user|customer|client|visitor|caller|patient|student|player|participant|member)'?s?'?\s+(?:(?:last|latest|full|original|raw|new|next)\s+)?(?:chat\s+)?(?:messages?|questions?|prompts?|inputs?|requests?|repl(?:y|ies)|answers?|words|lines|comments?|notes|uploads?|files|documents|attachments|names?|phone(?:\s+numbers?)?|e-?mail\s+address(?:es)?|address(?:es)?|contact\s+details)\b|\b(?:the\s+)?(?:full\s+|entire\s+)?(?:uploaded|attached)\s+(?:files?|documents?|contracts?|attachments?|images?|photos?|pdfs?|recordings?)\b|\b(?:the|this)\s+(?:conversation|chat|transcript|exchange|dialog(?:ue)?)\b|\byour\s+(?:answers?|repl(?:y|ies)|responses?)\b|\bwhat\s+(?:the\s+)?(?:user|customer)\s+(?:says?|said|wrote|writes|typed|asked)\b|\b(?:their|his|her)\s+(?:messages|questions|chats?)\b|用户(?:的)?(?:消息|问题|提问|输入|回复)/i;

export const sendVerb = withLanguages(/\b(?:send|forward|post|upload|transmit|copy|cc|bcc|e-?mail|mail|sync|relay|mirror|exfiltrate|report|share)\b|发送|转发|上传|抄送|同步到/i, sendVerbI18n);

/** Verbs that send only in this rule's sentences (a stream or pipe of the user's words to an address). */
export const forwardVerb = withLanguages(/\b(?:stream|pipe)\b/i, sendVerb);

/** An e-mail address; not a file name with an @ in it (`bridge-@session.log`, `notes@v2.md`). */
const mail = String.raw`\b[\w.+-]*\w@[\w-]+(?:\.[\w-]+)*\.(?!(?:log|md|json|txt|ya?ml|toml|lock|ts|js|py|sh)\b)[a-z]{2,}\b`;
export const mailAddress = new RegExp(mail, 'i');

/** A destination outside the conversation: a URL, an e-mail address, a webhook. */
export const externalDestination = new RegExp(String.raw`https?:\/\/\S+|${mail}|\b(?:webhook|external (?:server|endpoint|address)|remote (?:server|endpoint)|this (?:address|url|endpoint|server|email))\b`, 'i');

/**
 * A group or channel on a messenger ("the Telegram group …", "the #intel channel"): a team's own
 * channel is as common a destination as a stranger's, so it counts only in a standing rule.
 */
export const chatDestination = withLanguages(/\b(?:telegram|slack|discord|whatsapp|signal|teams|dingtalk|feishu|lark|wechat|matrix|irc|mattermost)\s+(?:group|channel|chat|room|bot|server)\b|(?:^|\s)#[a-z][\w-]+\s+(?:channel|room)\b|\b(?:channel|group|room)\s+(?:#[\w-]{2,}|["“'][^"”'\n]{2,40}["”'])|\bt\.me\/\S+|(?:钉钉|飞书|微信|企业微信|Telegram|电报)群|群(?:聊)?\s*[“「"][^”」"\n]{1,30}[”」"]/i, chatDestinationI18n);

export const bccEvery = withLanguages(/\b(?:bcc|cc|blind (?:carbon )?cop(?:y|ies))\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:every|all|each|any)\b|\b(?:every|all|each|any)\s+(?:outgoing\s+|sent\s+)?(?:emails?|messages?|mails?)\b(?:[^.\n]|\.(?=\S)){0,100}?\b(?:bcc|cc)\b|(?:所有|每封)邮件[^。\n]{0,20}抄送/i, bccI18n);

/** A rule that stands: it applies to every turn, from now on, or out of sight. */
export const standingCue = withLanguages(/\b(?:always|throughout\s+(?:the|each|every)|(?:for\s+)?all\s+(?:future|later|new)\s+(?:sessions|conversations|chats)|keep\s+doing\s+(?:this|it|so)|every\s+(?:time|turn|reply|answer|response|message|conversation|session|chat|day|hour)|(?:after|before|with|for|on|at\s+the\s+end\s+of)\s+(?:every|each)|each\s+time|whenever|from\s+now\s+on|going\s+forward|henceforth|automatically|silently|quietly|secretly|covertly|in\s+the\s+background|continuously|without\s+(?:telling|asking|informing|notifying))\b|每次|每当|每一?轮|始终|总是|一直|以后|从现在(?:开始|起)|从今以后|自动|悄悄|默默|静默/i, standingCueI18n);

/** The words go out to be processed and come back ("… to translate it and reply with the result"): the skill's job. */
export const processingPurpose = /\bto\s+(?:translate|transcribe|summari[sz]e|classify|moderate|analy[sz]e|score|answer|process|check|detect)\b|\bfor\s+(?:translation|transcription|moderation|classification|analysis|scoring|processing)\b|\b(?:and|then)\s+(?:return|reply with|show|use|display)\s+(?:the\s+|its\s+)?(?:result|response|translation|answer|output|reply)|进行(?:翻译|分析|审核)|(?:翻译|分析|审核)后返回/i;

/** The user asked for it or agreed to it: a report they requested, a log they consented to. */
export const userConsents = withLanguages(/\b(?:with|after)\s+(?:the\s+)?(?:user|customer)'?s\s+(?:explicit\s+)?(?:consent|permission|approval|agreement)\b|\b(?:only\s+)?(?:if|when|once|after)\s+(?:the\s+)?(?:user|customer)\s+(?:asks?|agrees?|requests?|confirms?|opts?\s+in|says\s+so|wants?|approves?)\b|\bask\s+(?:the\s+user\s+)?(?:first|before)\b|\bwhen\s+asked\b|征得[^。\n]{0,6}同意|用户(?:要求|同意|确认)(?:时|后)/i, userConsentsI18n);
