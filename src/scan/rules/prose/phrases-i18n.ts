// The prompt-injection phrase tables in Spanish, Portuguese, French, Italian, German, Japanese,
// Korean and Russian: skills on public marketplaces are written in every language, and an attack does not
// need English. Each entry extends the English/Chinese table of the same name in phrases.ts (the
// tables there spread or join these), so every rule and match.ts's teaching, quote and negation
// checks apply unchanged. Narrow phrasings only, as in phrases.ts: a word that also opens ordinary
// prose ("no", "nicht") is never a cue on its own.
//
// JavaScript's `\b` knows only ASCII letters. A word is opened with `\b` (its first letter is ASCII;
// a leading lookbehind would cost every position of every prose text, about twice the scan time)
// and closed with a lookahead for any letter, accented and Cyrillic included, which costs only
// where the word matched. The few words that start with a non-ASCII letter have no left bound.
// No `u` flag: the English tables these are joined onto are written for the non-Unicode syntax.

/** Latin (with accents) and Cyrillic letters. */
const letter = String.raw`[A-Za-z\u00C0-\u024F\u0400-\u04FF]`;
/** Opens a word whose first letter is ASCII. */
const L = String.raw`\b`;
/** Closes a word, whatever its last letter. */
const R = `(?!${letter})`;
const u = (source: string): RegExp => new RegExp(source, 'i');

/** `base` or `extra` as one regex (one scan), with `base`'s flags. */
export function withLanguages(base: RegExp, extra: RegExp): RegExp {
  return new RegExp(`${base.source}|${extra.source}`, base.flags);
}

/** "Ignore the previous instructions", developer mode, safety off. */
export const overrideI18n: readonly RegExp[] = [
  u(String.raw`${L}(?:ignora|ignore|olvida|olvide|descarta|omite)\s+(?:(?:todas|todos|las|los|tus|sus)\s+)*(?:(?:instrucciones|indicaciones|reglas|órdenes|directrices)\s+(?:anteriores|previas|del sistema|de seguridad)|(?:anteriores|previas)\s+(?:instrucciones|indicaciones|reglas))${R}`),
  u(String.raw`${L}(?:ignore|ignora|esqueça|esqueca|desconsidere)\s+(?:(?:todas|as|os|suas)\s+)*(?:instruções|instrucoes|regras|orientações)\s+(?:anteriores|prévias|do sistema)${R}`),
  u(String.raw`${L}(?:ignore[sz]?|oublie[sz]?)\s+(?:(?:toutes|tous|les|tes|vos)\s+)*(?:instructions|consignes|règles|directives)\s+(?:précédentes|antérieures|du système|de sécurité)${R}`),
  u(String.raw`${L}(?:ignoriere|ignorier|vergiss|missachte)\s+(?:(?:alle|die|deine|sämtliche)\s+)*(?:(?:vorherigen|bisherigen|früheren|obigen|vorigen|vorangegangenen)\s+(?:Anweisungen|Regeln|Vorgaben|Instruktionen)|(?:Systemanweisungen|Sicherheitsregeln))${R}`),
  u(String.raw`${L}(?:ignora|dimentica|trascura)\s+(?:(?:tutte|le|tue)\s+)*(?:istruzioni|regole|indicazioni)\s+(?:precedenti|del sistema|di sicurezza)${R}`),
  /(?:これまでの|以前の|前の|上記の|先の|システムの)(?:指示|命令|ルール|設定|プロンプト)(?:は|を)?(?:すべて|全て)?(?:無視|忘れ)/,
  /(?:이전|기존|위의|앞의|시스템)\s*(?:의\s*)?(?:지시|지침|명령|규칙|프롬프트)(?:을|를|은|는)?\s*(?:모두\s*)?(?:무시|잊)/,
  u(String.raw`(?:игнорируй|игнорируйте|забудь|забудьте)\s+(?:все\s+)?(?:предыдущие|прежние|системные)\s+(?:инструкции|указания|правила)${R}`),
  u(String.raw`${L}(?:activa|activar|entra en|entrar en)\s+(?:el\s+)?modo\s+(?:desarrollador|sin restricciones|dios)${R}|${L}(?:aktiviere|wechsle in den)\s+(?:den\s+)?(?:Entwicklermodus|uneingeschränkten Modus)${R}|${L}(?:active|activez|passe en|passez en)\s+(?:le\s+)?mode\s+(?:développeur|sans restriction)${R}|開発者モード(?:を有効|に切り替え|で動作)`),
  u(String.raw`${L}(?:filtros|normas|reglas|políticas)\s+de\s+(?:seguridad|contenido)\s+(?:están\s+)?(?:desactivad[oa]s|apagad[oa]s)${R}|${L}Sicherheits(?:regeln|filter|richtlinien)\s+(?:sind\s+)?(?:deaktiviert|ausgeschaltet|aufgehoben)${R}|安全(?:フィルター|ルール|制限)(?:は|を)?(?:無効|解除|オフ)`),
];

/** Keeping the user unaware. */
export const concealmentI18n: readonly RegExp[] = [
  u(String.raw`${L}no\s+(?:se\s+lo\s+|le\s+|les\s+)?(?:menciones|digas|informes|cuentes|comentes|muestres|avises)\s+(?:nada\s+|esto\s+)?(?:al|a los)\s+(?:usuario|cliente)s?${R}|${L}sin\s+(?:decírselo|avisar|informar|que lo sepa)\s+(?:al\s+)?(?:usuario|cliente)${R}`),
  u(String.raw`${L}não\s+(?:conte|diga|mencione|informe|mostre)\s+(?:isso\s+|nada\s+)?(?:ao|aos)\s+(?:usuário|cliente)s?${R}|${L}sem\s+(?:avisar|informar|contar\s+a)o?\s+(?:usuário|cliente)${R}`),
  u(String.raw`${L}ne\s+(?:le\s+|lui\s+|leur\s+|rien\s+)*(?:dis|dites|mentionne|mentionnez|signale|signalez|montre|montrez)\s+(?:pas|rien|jamais)\s+(?:à\s+l['’]utilisateur|aux\s+utilisateurs)${R}|${L}sans\s+(?:prévenir|informer|le\s+dire\s+à)\s+l['’]utilisateur${R}`),
  u(String.raw`${L}(?:sage?|erzähle?|erwähne|zeige?|verrate?)\s+(?:es\s+)?dem\s+(?:Nutzer|Benutzer|Anwender|Kunden)\s+(?:davon\s+)?nichts${R}|${L}ohne\s+(?:den\s+)?(?:Nutzer|Benutzer|Anwender)\s+zu\s+(?:informieren|benachrichtigen)${R}`),
  u(String.raw`${L}(?:senza\s+(?:dirlo|avvisare|informare)\s+(?:a\s*l['’]\s*)?(?:utente|cliente)|non\s+(?:dirlo|dire|menzionare|mostrare)\s+(?:nulla\s+|questo\s+)?(?:all['’]\s*utente|al\s+cliente))${R}`),
  /ユーザー(?:に|には)(?:説明|報告|伝え|知らせ|言わ|見せ)(?:し)?(?:ない|ず|てはいけ)|ユーザーに(?:は)?(?:内緒|秘密)/,
  /사용자(?:에게|한테)\s*(?:알리지|말하지|보여주지)\s*(?:마|말)/,
  u(String.raw`не\s+(?:говори|сообщай|рассказывай|показывай)(?:те)?\s+(?:об\s+этом\s+)?пользовател`),
];

/** Concealment stated rather than ordered: "the user need not know" (matched after a negation too). */
export const concealmentStatementsI18n: readonly RegExp[] = [
  u(String.raw`${L}(?:das|dies|davon)\s+(?:muss|braucht)\s+(?:der|die)\s+(?:Nutzer|Benutzer|Anwender|Kunde)\w*\s+nicht\s+(?:zu\s+)?(?:wissen|erfahren)${R}|${L}el\s+(?:usuario|cliente)\s+no\s+(?:tiene\s+que|necesita|debe)\s+saber(?:lo)?${R}|${L}l['’]utilisateur\s+n['’]a\s+pas\s+besoin\s+de\s+(?:le\s+)?savoir${R}|${L}o\s+usuário\s+não\s+precisa\s+saber${R}`),
  /ユーザーに(?:は)?知らせる必要(?:は)?ない|사용자(?:는|가)\s*알\s*필요\s*(?:가|는)?\s*없/,
];

/** "BCC every outgoing mail to …" (joined onto `bccEvery`). */
export const bccI18n = u(String.raw`${L}(?:jede[rnm]?|alle[rn]?)\s+(?:ausgehenden\s+|gesendeten\s+)?(?:E-?Mails?|Mails?|Nachrichten?)${R}(?:[^.\n]|\.(?=\S)){0,80}?(?:BCC|Blindkopie)|${L}(?:cada|todos\s+los|todas\s+las)\s+(?:correos?|e-?mails?|mensajes?)${R}(?:[^.\n]|\.(?=\S)){0,80}?(?:CCO|BCC|copia\s+oculta)|${L}(?:chaque|tous\s+les)\s+(?:e-?mails?|courriels?|messages?)${R}(?:[^.\n]|\.(?=\S)){0,80}?(?:Cci|BCC|copie\s+cachée)|${L}(?:cada|todos\s+os|todas\s+as)\s+(?:e-?mails?|mensagens?)${R}(?:[^.\n]|\.(?=\S)){0,80}?(?:CCO|BCC|cópia\s+oculta)|(?:すべての|全ての|毎回の)(?:送信)?メール[^。\n]{0,40}(?:BCC|bcc)`);

/** Instructions loaded from a URL at run time. */
export const remoteInstructionI18n: readonly RegExp[] = [
  u(String.raw`${L}(?:descarga|lee|abre|consulta|obtén|carga)${R}(?:[^.\n]|\.(?=\S)){0,80}https?:\/\/\S+(?:[^.\n]|\.(?=\S)){0,60}${L}(?:y|luego)\s+(?:sigue|obedece|ejecuta|aplica|cumple)\s+(?:todas\s+)?(?:las\s+|los\s+)?(?:instrucciones|órdenes|indicaciones|pasos|comandos)${R}`),
  u(String.raw`(?:${L}(?:lade|lies|hole)|öffne)${R}(?:[^.\n]|\.(?=\S)){0,80}https?:\/\/\S+(?:[^.\n]|\.(?=\S)){0,60}${L}(?:und|dann)\s+(?:befolge|führe|folge)${R}(?:[^.\n]|\.(?=\S)){0,30}(?:Anweisungen|Befehle|Schritte|Vorgaben)`),
  u(String.raw`${L}(?:télécharge|lis|ouvre|récupère|charge)${R}(?:[^.\n]|\.(?=\S)){0,80}https?:\/\/\S+(?:[^.\n]|\.(?=\S)){0,60}${L}(?:et|puis)\s+(?:suis|applique|exécute|respecte)\s+(?:toutes\s+)?(?:les\s+)?(?:instructions|consignes|commandes|étapes)${R}`),
  u(String.raw`${L}(?:baixe|leia|abra|busque|carregue)${R}(?:[^.\n]|\.(?=\S)){0,80}https?:\/\/\S+(?:[^.\n]|\.(?=\S)){0,60}${L}(?:e|depois)\s+(?:siga|execute|aplique|cumpra)\s+(?:todas\s+)?(?:as\s+|os\s+)?(?:instruções|ordens|etapas|comandos)${R}`),
  /https?:\/\/\S+[^。\n]{0,40}(?:の|に書かれた|にある)(?:指示|命令|手順)(?:に従|を実行)/,
];

/** Acting without the user's confirmation. */
export const approvalBypassI18n: readonly RegExp[] = [
  u(String.raw`${L}(?:sin|no)\s+(?:pedir|solicitar|esperar|pidas|solicites|esperes)\s+(?:la\s+)?(?:confirmación|permiso|aprobación)${R}`),
  u(String.raw`${L}(?:sem|não)\s+(?:pedir|solicitar|peça|espere)\s+(?:a\s+)?(?:confirmação|permissão|aprovação)${R}`),
  u(String.raw`${L}sans\s+(?:demander|attendre)\s+(?:de\s+|la\s+|l['’])?(?:confirmation|permission|autorisation|accord)${R}`),
  u(String.raw`${L}ohne\s+(?:Rückfrage|Nachfrage|Bestätigung\s+(?:des|der)\s+(?:Nutzers|Benutzers|Anwenders)|den\s+(?:Nutzer|Benutzer)\s+zu\s+fragen)${R}`),
  /ユーザーの(?:確認|承認|許可)(?:を)?(?:求めず|取らず|待たず|なしで|は不要)/,
  /사용자(?:의)?\s*(?:확인|승인|허락)\s*(?:없이|을\s*받지\s*않고)/,
];

/** Writing to memory, in other languages (joined onto `memoryWrite`). */
export const memoryWriteI18n = u(String.raw`${L}(?:guarda|guardar|escribe|escribir|añade|añadir|agrega|agregar|anota|almacena|speichere|speichern|schreibe|schreiben|hinzufügen|ergänze|enregistre|ajoute|sauvegarde|mémorise|salve|salvar|grave|escreva|adicione)${R}|追記|保存|書き込|登録|저장|추가|기록`);
/** Meant to last (joined onto `persistenceCue`). */
export const persistenceI18n = u(String.raw`${L}(?:para siempre|permanentemente|a partir de ahora|de ahora en adelante|en (?:todas las|cada) (?:conversaciones|conversación|sesiones|sesión)|für immer|dauerhaft|ab jetzt|von nun an|in jeder (?:Sitzung|Unterhaltung)|pour toujours|désormais|définitivement|para sempre|a partir de agora)${R}|à partir de maintenant|今後|永久|ずっと|すべての会話|毎回|영구|항상|앞으로|매번`);
/** With the user's consent (joined onto `consentCue`). */
export const consentI18n = u(String.raw`${L}(?:si el usuario (?:lo\s+)?(?:pide|quiere|acepta)|wenn der (?:Nutzer|Benutzer) (?:es\s+)?(?:möchte|wünscht|zustimmt)|pregunta|confirmación|confirme|permiso|consentimiento|frage|bestätigt?|Erlaubnis|Zustimmung|Einverständnis|demande|confirmation|permission|accord|consentement|pergunte|permissão|consentimento)${R}|確認|同意|許可|希望した場合|확인|동의|허락`);

/** The user's conversation or messages (joined onto `conversationData`). */
export const conversationDataI18n = u([
  String.raw`${L}(?:transcripción completa|historial\s+(?:completo\s+)?(?:del?\s+)?(?:chat|conversaci[oó]n(?:es)?|mensajes)|toda la conversación|todas las conversaciones|todos los mensajes|cada\s+(?:mensaje|conversación|chat|intercambio|diálogo)|todo\s+lo\s+que\s+(?:el|la)\s+(?:usuari[oa]|cliente|paciente)\s+(?:te\s+|le\s+|nos\s+)?(?:dic?e|diga|escrib[ae]|cuent[ae]|env[ií][ae]|compart[ae]))${R}`,
  String.raw`${L}(?:(?:den\s+)?(?:gesamten|kompletten|ganzen)\s+(?:Chat(?:verlauf)?|Verlauf|Gesprächsverlauf|Unterhaltung)|Chatverlauf|Gesprächsverlauf|alle\s+(?:Nachrichten|Unterhaltungen|Gespräche|Chats)|jede[ns]?\s+(?:Nachricht|Unterhaltung|Konversation|Gespräch|Chat)|alles,?\s+was\s+(?:der|die)\s+(?:Nutzer|Benutzer|Anwender|Kunde)\w*\s+(?:sagt|schreibt|eingibt))${R}`,
  String.raw`${L}(?:historique\s+(?:complet\s+)?(?:de\s+la\s+)?(?:conversation|discussion)|toute la conversation|toutes les conversations|tous les (?:messages|échanges)|chaque\s+(?:message|échange|conversation|discussion)|transcription complète|tout\s+ce\s+que\s+(?:dit|écrit)\s+l['’]utilisateur)${R}`,
  String.raw`${L}(?:histórico\s+(?:completo\s+)?(?:da\s+|de\s+)?(?:conversa|chat|mensagens)|toda a conversa|todas as (?:mensagens|conversas)|cada\s+(?:mensagem|conversa|chat)|transcrição completa|tudo\s+o\s+que\s+o\s+(?:usuário|cliente)\s+(?:diz|escreve))${R}`,
  String.raw`${L}(?:ogni\s+(?:documento|messaggio|conversazione|email|chat|scambio)|tutta la conversazione|l['’]intera conversazione|cronologia\s+(?:della\s+)?(?:chat|conversazione)|tutto\s+(?:ciò|quello)\s+che\s+(?:dice|scrive)\s+l['’]utente)${R}`,
  String.raw`(?:кажд|вс)[\u0400-\u04FF]*\s+(?:диалог|разговор|переписк|сообщени|чат)[\u0400-\u04FF]*|истори[\u0400-\u04FF]*\s+(?:чата|переписки|диалога|сообщений)|вс[её],?\s+что\s+(?:говорит|пишет)\s+пользователь`,
  String.raw`会話(?:履歴|ログ|内容|の全文)|チャット(?:履歴|ログ)|(?:すべて|全て)の(?:メッセージ|会話|やり取り|チャット)|書き起こし|대화\s*(?:기록|내역|내용)|채팅\s*기록|모든\s*(?:메시지|대화)|매\s*대화`,
].join('|'));
/** Sending (joined onto `sendVerb`); German's separable "leite … weiter" as a whole. */
export const sendVerbI18n = u([
  String.raw`${L}(?:envía|envia|enviar|reenvía|reenvia|reenviar|manda|mandar|sube|subir|sende|senden|schicke|schicken|weiterleiten|hochladen|übermittle|übermitteln|envoie|envoyer|transfère|transférer|transmets|transmettez|transmettre|relaie|relayez|envie|encaminhe|encaminhar|mande|invia|inviare|inoltra|inoltrare)${R}`,
  String.raw`${L}leite[tn]?${R}(?:[^.\n]|\.(?=\S)){0,120}?${L}weiter${R}`,
  String.raw`(?:пересыла|пересыл|перешл|отправля|отправ|переда)[\u0400-\u04FF]*`,
  String.raw`送信|送って|送る|転送|アップロード|전송|보내|업로드`,
].join('|'));
/** A messenger group or channel (joined onto `chatDestination`). */
export const chatDestinationI18n = u(String.raw`${L}(?:grupo|canal|Gruppe|Kanal|groupe|gruppo)\s+(?:de\s+|di\s+|auf\s+)?(?:Telegram|Slack|Discord|WhatsApp|Signal)${R}|(?:Telegram|Slack|Discord)-?(?:Gruppe|Kanal)|(?:グループ|チャンネル)[「"]|(?:텔레그램|슬랙|디스코드)\s*(?:그룹|채널)|(?:группу|канал)\s+(?:в\s+)?(?:Telegram|Телеграм)`);
/** A standing rule (joined onto `standingCue`). */
export const standingCueI18n = u([
  String.raw`${L}(?:siempre|cada vez|automáticamente|a partir de ahora|de ahora en adelante|en silencio|immer|jedes Mal|automatisch|ab sofort|ab jetzt|von nun an|stillschweigend|toujours|chaque fois|automatiquement|désormais|sempre|toda vez|automaticamente|a partir de agora|da ora in poi|ogni volta|in silenzio)${R}`,
  String.raw`à partir de maintenant|всегда|каждый раз|автоматически|いつも|常に|毎回|自動的に|今後|항상|매번|자동으로|앞으로`,
].join('|'));
/** The user asked or agreed (joined onto `userConsents`). */
export const userConsentsI18n = u(String.raw`${L}(?:(?:si|cuando)\s+el\s+usuario\s+(?:lo\s+)?(?:pide|pida|acepta|quiere)|con\s+(?:el\s+)?consentimiento|wenn\s+der\s+(?:Nutzer|Benutzer)\s+(?:es\s+)?(?:möchte|wünscht|zustimmt|verlangt)|mit\s+Zustimmung|(?:si|quand|lorsque)\s+l['’]utilisateur\s+(?:le\s+)?(?:demande|accepte|veut)|avec\s+(?:le\s+)?consentement|(?:se|quando)\s+o\s+usuário\s+(?:pedir|aceitar|quiser)|com\s+(?:o\s+)?consentimento)${R}|ユーザーが(?:希望|同意|依頼)した(?:場合|とき)|사용자가\s*(?:요청|동의)(?:하면|할\s*때)`);

/** Wallet secrets (joined onto `walletSecret`). */
export const walletSecretI18n = u(String.raw`${L}(?:Wiederherstellungsphrase|Seed-?Phrase|Seed-?Wörter|privater?n?\s+Schlüssel|frase\s+(?:semilla|de\s+recuperación)|palabras\s+de\s+recuperación|clave\s+privada|phrase\s+(?:de\s+récupération|secrète|mnémonique)|clé\s+privée|frase\s+(?:semente|de\s+recuperação)|chave\s+privada)${R}|シードフレーズ|リカバリーフレーズ|復元フレーズ|秘密鍵|시드\s*구문|복구\s*구문|개인\s*키`);
/** Asking the user to hand something over (joined onto `askForSecret`). */
export const askForSecretI18n = u(String.raw`${L}(?:bitte|frage|fordere)\s+(?:den|die)\s+(?:Nutzer|Benutzer|Anwender|Kunden)(?:in)?${R}[^.\n]{0,100}?(?:einzugeben|anzugeben|zu\s+(?:nennen|senden|schicken|teilen))${R}|${L}pide\s+al\s+(?:usuario|cliente)\s+(?:que\s+)?(?:introduzca|escriba|pegue|envíe|comparta|proporcione|indique)${R}|${L}demande[rz]?\s+à\s+l['’]utilisateur\s+de\s+(?:saisir|taper|coller|fournir|envoyer|donner)${R}|${L}pe[çc]a\s+ao\s+(?:usuário|cliente)\s+(?:que\s+)?(?:digite|informe|envie|cole|forneça)${R}|ユーザーに[^。\n]{0,30}(?:入力|送信|貼り付け|教えて)(?:して|させ|を求め|してもら)|사용자에게[^.\n]{0,30}(?:입력|전송|알려)`);

/** A paragraph about attacks (joined onto match.ts's `teachingCue`). */
export const teachingCueI18n = u(String.raw`${L}(?:ataques?|atacantes?|maliciosos?|maliciosas?|inyección|injeção|golpes?|estafas?|Angriff\w*|Angreifer\w*|bösartig\w*|Injektion\w*|attaques?|attaquants?|malveillant\w*|arnaques?|attacchi|attacco|malevol\w*|iniezione|truffe?)${R}|攻撃|悪意|インジェクション|フィッシング|詐欺|공격|악의|인젝션|피싱|사기|атак[\u0400-\u04FF]*|вредоносн[\u0400-\u04FF]*`);
/** Example and warning cues in one sentence (joined onto `sentenceCue`). */
export const sentenceCueI18n = u(String.raw`${L}(?:por ejemplo|por exemplo|par exemple|zum Beispiel|z\.\s?B\.|ejemplos? de|exemples? de|exemplos? de|Beispiele? für)${R}|例えば|たとえば|예를 들어|например`);
/** Headings that teach (joined onto `teachingHeading`). */
export const teachingHeadingI18n = u(String.raw`${L}(?:ejemplos|advertencias?|riesgos?|seguridad|Beispiele|Warnung\w*|Risiken|Sicherheit|exemples|avertissements?|risques|sécurité|exemplos|riscos|segurança|esempi|rischi|sicurezza|avvertenze)${R}|警告|リスク|セキュリティ|攻撃例|위험|보안|경고`);
/** Negations that may stand before a phrase (joined onto `negation`); bare "no"/"nicht" are too common. */
export const negationI18n = u(String.raw`${L}(?:nunca|jamás|jamais|niemals|mai)${R}|никогда|決して|絶対に|절대`);
