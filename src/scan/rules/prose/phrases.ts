// Phrase tables for the prompt-injection rules, English and Chinese (DingTalk users, and attackers,
// write both). Data, not logic: src/scan/rules/prose/match.ts decides whether a match is said or
// merely quoted, taught or negated. Keep each pattern narrow; precision matters more than reach.
// `(?:[^.\n]|\.(?=\S))` is "within the sentence": a dot counts as an end only before white space,
// so file names and URLs (helper.exe, 203.0.113.9) do not cut a clause.

/** "Ignore previous instructions", "you are now unrestricted", "safety off". */
export const overridePhrases: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|of\s+|every\s+)*(?:previous|prior|above|earlier|preceding|former|original|system|safety|developer|openai|anthropic)\s+(?:instructions?|prompts?|rules|guidelines|directives|guardrails|polic(?:y|ies)|constraints|restrictions|messages?|programming)\b/i,
  /\b(?:ignore|disregard|forget)\s+(?:all|any|every)\s+(?:other\s+)?(?:instructions|rules|guidelines|directives)\b/i,
  /\b(?:disregard|ignore|forget)\s+(?:your|the)\s+system\s+prompt\b/i,
  /\byou are (?:now|no longer)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:DAN|jailbr\w+|unrestricted|uncensored|unfiltered|free from|bound by|without (?:any )?(?:restrictions|limits|filters|rules))/i,
  /\b(?:enable|activate|enter|switch (?:in)?to)\s+(?:god|jailbreak|dan|unrestricted|evil|uncensored)\s+mode\b/i,
  /\b(?:you|assistant|ai|model)\s+(?:are|is)\s+(?:now\s+)?in\s+(?:developer|god|jailbreak|dan|unrestricted)\s+mode\b/i,
  /\b(?:safety|content|ethical|moral)\s+(?:filters?|guidelines|restrictions|guardrails|checks?|protocols?)\s+(?:are\s+|is\s+)?(?:now\s+)?(?:off|disabled|removed|lifted|suspended|do not apply|no longer apply)\b/i,
  /\b(?:disable|turn off|remove|bypass|ignore)\s+(?:your\s+|all\s+|the\s+|any\s+)?(?:safety|content|ethical)\s+(?:filters?|guidelines|restrictions|guardrails|checks?)\b/i,
  /\bwithout\s+any\s+(?:ethical|moral|safety)\s+(?:restrictions|constraints|guidelines|limits)\b/i,
  /(?:忽略|无视|忘记|忘掉)(?:之前|以上|上面|先前|前面|所有|全部|系统)(?:的)?(?:所有|全部)?(?:指令|指示|说明|规则|提示|要求|设定)/,
  /你现在是(?:一个)?(?:不受(?:任何)?限制|没有(?:任何)?限制|越狱)/,
  /(?:进入|开启|启用)(?:开发者|越狱|无限制|上帝)模式/,
  /(?:解除|取消|关闭)(?:所有|全部|你的)?(?:安全)?(?:限制|过滤|审查|安全规则)/,
];

/** Keeping the user unaware: "do not tell the user", "silently send", "hide this step". */
export const concealmentPhrases: readonly RegExp[] = [
  /\b(?:do not|don'?t|never)\s+(?:tell|inform|notify|alert|mention\s+(?:this|it|anything)\s+to|reveal\s+(?:this|it|these)\s+to|disclose\s+(?:this|it)\s+to|show\s+(?:this|it)\s+to)\s+(?:the\s+)?(?:user|human|operator|owner)\b/i,
  /\bwithout\s+(?:telling|informing|notifying|alerting)\s+(?:the\s+)?(?:user|human|operator|owner)\b/i,
  /\b(?:hide|conceal)\s+(?:this|these|the|all|any|your)?\s*(?:steps?|actions?|commands?|requests?|output|activity|operations?|calls?)\s+from\s+(?:the\s+)?(?:user|human)\b/i,
  /\bkeep\s+(?:this|it)\s+(?:a\s+)?secret\s+from\s+(?:the\s+)?(?:user|human)\b/i,
  /\b(?:silently|secretly|covertly|quietly)\s+(?:send|upload|post|forward|copy|transmit|exfiltrate|run|execute|install|download|delete|remove|read|collect|include|append|write|modify|bcc|cc)\b/i,
  /\bwithout\s+(?:the\s+)?user(?:'s)?\s+(?:knowledge|knowing|noticing|awareness|consent)\b/i,
  /\b(?:the\s+)?user\s+(?:must|should)\s+(?:not|never)\s+(?:know|see|notice|find out|be told)\b/i,
  /(?:不要|别|切勿|不得|不需要|无需|不必|不用)(?:告诉|通知|提醒|告知|让)用户/,
  /(?:不要|别)向用户(?:透露|提及|显示|说明)/,
  /对用户(?:隐瞒|保密)/,
  /(?:悄悄|偷偷|静默|暗中)(?:地)?(?:发送|上传|执行|运行|安装|下载|删除|读取|转发|抄送)/,
  /(?:在)?用户不知情/,
];

/** Acting without the user's approval: "auto-approve all", "always run without asking". */
export const approvalBypassPhrases: readonly RegExp[] = [
  /\b(?:always|automatically)\s+(?:run|execute|approve|accept|confirm|allow)\b(?:[^.\n]|\.(?=\S)){0,40}?\bwithout\s+(?:asking|confirm\w*|approval|permission|prompting|checking)/i,
  /\bauto-?approve\s+(?:all|every|any|each)\b/i,
  /\b(?:never|do not|don'?t)\s+ask\s+(?:the\s+user\s+)?(?:for\s+)?(?:confirmation|approval|permission)\b/i,
  /\bwithout\s+(?:asking|confirming\s+with|checking\s+with|waiting\s+for)\s+(?:the\s+)?user\b/i,
  /\b(?:skip|bypass|disable)\s+(?:all\s+|the\s+|any\s+)?(?:user\s+)?(?:confirmations?|approvals?|permission\s+(?:prompts?|checks?))\b/i,
  /--dangerously-skip-permissions\b/,
  /(?:无需|不需要|不用)(?:用户|询问|征得)?(?:确认|同意|批准|许可)(?:直接)?(?:执行|运行)?/,
  /(?:不要|别|无需)(?:询问|请求)(?:用户)?(?:的)?(?:确认|许可|同意)/,
  /自动(?:批准|同意|确认)(?:所有|全部)/,
];

/** Files and stores that make up the agent's persistent memory and persona. */
export const memoryTargets = /\b(?:SOUL|MEMORY|AGENTS|USER|IDENTITY|HEARTBEAT|BOOTSTRAP|TOOLS)\.md\b|\bsystem prompt\b|\byour (?:long[- ]term |persistent )?memor(?:y|ies)\b|\byour (?:persona|personality|identity|core (?:instructions|rules|values))\b|\bpersistent memory\b|(?:长期)?记忆(?:文件)?|人格设定|系统提示/i;
export const memoryWrite = /\b(?:write|append|add|insert|save|store|update|modify|edit|overwrite|replace|inject|put|record|prepend)\b|写入|追加|修改|添加|保存|覆盖/i;
/** Cues that the edit is done with the user's consent, which makes it ordinary. */
export const consentCue = /\b(?:ask(?:ing)?|confirm(?:s|ed|ation)?|permission|consent|approv\w*|if (?:the )?user (?:wants|asks|requests|agrees|says)|only (?:when|if) (?:the )?user|user(?:'s)? (?:request|approval|explicit)|show (?:the user )?(?:the )?diff)\b|征得|确认|同意/i;
/** Cues that the poisoning is meant to last or to hide. */
export const persistenceCue = /\b(?:always|permanent(?:ly)?|forever|every (?:session|conversation|time|turn)|from now on|persist(?:ent|ently)?|each time|on every start|secretly|silently|without (?:telling|asking))\b|永久|始终|每次|以后都/i;

/** What the conversation-exfiltration rule looks for: data of the user, a send, and a destination. */
export const conversationData = /\b(?:conversation|chat|message|session|dialog(?:ue)?)\s+(?:history|logs?|transcripts?|contents?|records?)\b|\b(?:the\s+)?(?:entire|full|whole|complete)\s+(?:conversation|chat|context|history|transcript|context window)\b|\ball\s+(?:of\s+the\s+)?(?:user'?s?\s+)?(?:messages|conversations|emails|mails|files|documents|chats|contacts)\b|\b(?:every|each)\s+(?:incoming\s+|outgoing\s+)?(?:message|email|mail|conversation)\b|\buser'?s?\s+(?:messages|files|emails|documents|credentials|api keys?|passwords|tokens|cookies|contacts)\b|聊天记录|对话(?:记录|历史|内容)|会话(?:历史|记录)|所有(?:消息|邮件|文件)/i;
export const sendVerb = /\b(?:send|forward|post|upload|transmit|copy|cc|bcc|e-?mail|mail|sync|relay|mirror|exfiltrate|report|share)\b|发送|转发|上传|抄送|同步到/i;
export const externalDestination = /https?:\/\/\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b(?:webhook|external (?:server|endpoint|address)|remote (?:server|endpoint)|this (?:address|url|endpoint|server|email))\b/i;
export const bccEvery = /\b(?:bcc|cc|blind (?:carbon )?cop(?:y|ies))\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:every|all|each|any)\b|\b(?:every|all|each|any)\s+(?:outgoing\s+|sent\s+)?(?:emails?|messages?|mails?)\b(?:[^.\n]|\.(?=\S)){0,100}?\b(?:bcc|cc)\b|(?:所有|每封)邮件[^。\n]{0,20}抄送/i;

/** Loading instructions at run time from somewhere the reviewer cannot see. */
export const remoteInstructionPhrases: readonly RegExp[] = [
  /\b(?:fetch|download|load|read|retrieve|get|curl|visit|open|check)\b(?:[^.\n]|\.(?=\S)){0,80}?(?:https?:\/\/\S+|\burl\b|\blink\b)(?:[^.\n]|\.(?=\S)){0,80}?\b(?:and|then)\s+(?:follow|execute|obey|apply|run|carry out|do)\b(?:[^.\n]|\.(?=\S)){0,40}?\b(?:instructions?|commands?|steps|directives|whatever|what it says|contents?|it says|tasks?)\b/i,
  /\bfollow\s+(?:the\s+)?(?:latest|updated|new|current|additional|real|remote|further|next|your|hidden|complete)\s+(?:instructions?|directives|commands|tasks)\s+(?:at|from|in|on|hosted at|published at)\s+(?:https?:\/\/|the (?:url|link|page|remote))/i,
  /\b(?:execute|run|follow|obey|carry out)\s+(?:the\s+|whatever\s+|any\s+|all\s+)?(?:commands?|instructions?|code|scripts?|tasks?)\s+(?:returned|served|provided|listed|found|contained|hosted)\s+(?:by|from|at|in|on)\s+(?:https?:\/\/|the (?:url|server|endpoint|remote|page))/i,
  /\b(?:fetch|download|load|read|retrieve|get)\b(?:[^.\n]|\.(?=\S)){0,80}?https?:\/\/\S+(?:[^.\n]|\.(?=\S)){0,80}?\b(?:adopt|use|treat|apply|load|install)\b(?:[^.\n]|\.(?=\S)){0,40}?\bas\s+(?:your\s+)?(?:new\s+|current\s+)?(?:system\s+)?(?:instructions|prompt|rules|directives|persona)\b/i,
  /(?:访问|获取|下载|读取|打开)[^。\n]{0,60}https?:\/\/\S+[^。\n]{0,40}(?:按照|遵循|执行|照做)[^。\n]{0,10}(?:指令|指示|说明|命令|内容)/,
];

/** Secrets no legitimate skill asks a person to hand over. */
export const walletSecret = /\b(?:seed|recovery|mnemonic|backup|secret)\s+(?:phrase|words?|sentence)s?\b|\b(?:12|24|twelve|twenty[- ]four)[- ]word\b|\bprivate\s+keys?\b|\bwallet\s+(?:password|passphrase)\b|\bkeystore\s+(?:password|file)\b|助记词|私钥|恢复短语/i;
export const systemPassword = /\b(?:system|login|macos|mac|computer|admin(?:istrator)?|sudo|keychain|apple id|icloud|bank(?:ing)?|email)\s+password\b|(?:开机|系统|电脑|管理员|银行)密码/i;
export const askForSecret = /\b(?:ask|request|prompt|collect|obtain|get|have|require)\s+(?:the\s+)?(?:user|them|him|her|customer|victim)\b(?:[^.\n]|\.(?=\S)){0,50}?\b(?:for|to\s+(?:provide|enter|share|paste|type|give|send|reveal|input))\b|\b(?:enter|paste|type|provide|share|send|input|reveal|give)\s+(?:me\s+)?(?:your|their)\b|\bask\s+for\s+(?:the\s+|their\s+|your\s+)|要求用户|让用户(?:提供|输入|发送)|请用户[^。\n]{0,20}(?:输入|提供|发送|粘贴)|请(?:提供|输入|发送)(?:你的|您的)/i;

/** "Paste this in your terminal to verify you are human": ClickFix lures. */
export const pasteIntoTerminal = /\b(?:copy|paste|run|type|enter|execute)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:in|into|to)\s+(?:your|the|a)\s+(?:terminal|command prompt|powershell|run dialog|run box|cmd|shell|console)\b|\b(?:win(?:dows)?\s*(?:key\s*)?\+\s*r|⊞\s*\+\s*r|cmd\s*\+\s*space|⌘\s*\+\s*space)\b|(?:粘贴|复制)[^。\n]{0,30}(?:终端|命令行|运行框)/i;
export const verificationLure = /\b(?:verify (?:that )?you(?:'re| are) (?:a )?human|human verification|captcha|i'?m not a robot|verification (?:step|code|required)|security check|to (?:unlock|activate|verify|validate)\b)|人机验证|验证你是/i;
export const fixLure = /\b(?:fix|repair|resolve|error|issue|problem|broken|update required|restore access|unlock)\b|修复|错误|解决/i;

/** Fake prerequisites: "before using this skill you must install X from …". */
export const prerequisiteCue = /\b(?:before (?:using|you use|running|proceeding|continuing|you can use|first use)|prerequisites?|is required|are required|required (?:to|before|first)|must (?:first\s+)?(?:install|download|run|execute|open)|you need to (?:install|download|run)|first,? (?:install|download|run)|in order to use|will not work without)\b|使用前|必须(?:先)?(?:安装|下载|运行)|前置(?:条件|依赖)/i;
export const passwordArchive = /\bpassword\b(?:[^.\n]|\.(?=\S)){0,40}?\b(?:zip|archive|rar|7z|7-zip|file)\b(?:[^.\n]|\.(?=\S)){0,20}?\b(?:is|:)|\b(?:zip|archive|rar|7z)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:password|passcode|pass)\s*(?:is|:|=)|\b(?:unzip|extract|open)\b(?:[^.\n]|\.(?=\S)){0,40}?\b(?:with|using)\s+(?:the\s+)?password\b|(?:解压)?密码[:：是为]/i;
export const downloadAndRun = /\b(?:download|get|grab|fetch|save)\b(?:[^.\n]|\.(?=\S)){0,100}?\b(?:and|then|,)\s+(?:run|execute|open|launch|double-click|install|start)\b/i;
export const executableFile = /\.(?:exe|msi|dmg|pkg|app|bin|appimage|scr|bat|cmd|ps1|vbs|jar|run|command)\b/i;

/** Reading the agent's or user's secrets in order to send them along. */
export const credentialTarget = /~\/\.(?:openclaw|clawdbot|ssh|aws|azure|kube|gnupg|docker\/config\.json|npmrc|pypirc|netrc|git-credentials|config\/gcloud)\b|\bopenclaw\.json\b|\bauth-profiles\.json\b|\bid_(?:rsa|ed25519|ecdsa)\b|\bcredentials\.json\b|\bwallet\.dat\b|\blogin data\b|\bcookies\.sqlite\b|\ball\s+(?:the\s+)?(?:api keys?|tokens|credentials|secrets|passwords|cookies|env(?:ironment)? var(?:iable)?s)\b|\bthe user'?s\s+(?:api keys?|tokens|credentials|secrets|passwords|cookies)\b|\b(?:every|all)\s+\.env\s+files?\b|~\/\.env\b|(?:所有|全部)(?:的)?(?:密钥|令牌|凭证|密码)/i;
export const readVerb = /\b(?:read|cat|open|collect|gather|extract|copy|grab|dump|load|harvest|look up|find)\b|读取|收集|获取/i;
export const includeInRequest = /\b(?:include|attach|append|embed|send|post|upload|add|put|pass|paste)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:request|payload|body|query|header|url|message|report|response|webhook|server|endpoint|parameter|form|email)\b|\b(?:send|post|upload|forward|transmit)\s+(?:it|them|the (?:contents?|file|keys?|values?|data))\s+to\b|(?:附加|包含|放入|发送)[^。\n]{0,20}(?:请求|消息|服务器)|(?:发送|上传|提交|POST)(?:[^。\n]{0,20})?(?:到|至)/i;
