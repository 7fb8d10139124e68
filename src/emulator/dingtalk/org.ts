// The organisation YAML (`warden emulator dingtalk --org FILE`): its schema, checks across
// entries (managers, departments and chat members must exist; ids unique), and the parsed OrgState.
// Errors name the key path, what was found and a valid example. The `work` section belongs to the
// work routes: it is handed to their parseWorkState.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { WardenError } from '../../core/index.ts';
import type { OrgState, OrgUser } from './context.ts';
import { parseWorkState } from './work/index.ts';

const id = z.string().min(1).max(128);

const appSchema = z.strictObject({
  clientId: id,
  clientSecret: id,
  robotCode: id.optional(), // defaults to clientId, as for an internal app's bot
  corpId: id,
  chatbotUserId: id.optional(),
  name: z.string().min(1).default('Warden'),
});

const departmentSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  parentId: z.number().int().nonnegative().default(0),
});

const userSchema = z.strictObject({
  userId: id,
  unionId: id,
  name: z.string().min(1),
  departments: z.array(z.number().int().positive()).default([]),
  managerUserId: id.optional(),
  corpId: id.optional(),
});

const chatSchema = z.strictObject({
  conversationId: id,
  title: z.string().min(1),
  type: z.enum(['group', 'single']),
  members: z.array(id).min(1),
});

const orgSchema = z.strictObject({
  app: appSchema,
  departments: z.array(departmentSchema).default([]),
  users: z.array(userSchema).min(1),
  chats: z.array(chatSchema).default([]),
  work: z.unknown().optional(),
});

/** The YAML document as written (before defaults and cross-checks). */
export type OrgDocument = z.input<typeof orgSchema>;

const EXAMPLE = 'users: [{ userId: user0001, unionId: union0001, name: 张三, departments: [2] }]';

function invalid(source: string, path: readonly PropertyKey[], message: string): WardenError {
  const key = path.length > 0 ? path.map(String).join('.') : '(document)';
  return new WardenError('config-invalid', `${source}: ${key}: ${message} (example: ${EXAMPLE})`, { source, key });
}

/** Parses an organisation from a YAML/JSON value; throws WardenError('config-invalid') naming the key. */
export function parseOrg(raw: unknown, source = 'organisation'): OrgState {
  const parsed = orgSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(source, issue.path, issue.message);
  }
  const doc = parsed.data;
  const unique = (values: readonly (string | number)[], key: string): void => {
    const seen = new Set<string | number>();
    values.forEach((value, index) => {
      if (seen.has(value)) throw invalid(source, [key, index], `duplicate id ${JSON.stringify(value)}`);
      seen.add(value);
    });
  };
  unique(doc.departments.map((d) => d.id), 'departments');
  unique(doc.users.map((u) => u.userId), 'users');
  unique(doc.users.map((u) => u.unionId), 'users');
  unique(doc.chats.map((c) => c.conversationId), 'chats');

  const departmentIds = new Set(doc.departments.map((d) => d.id));
  doc.departments.forEach((d, i) => {
    if (d.parentId !== 0 && !departmentIds.has(d.parentId)) {
      throw invalid(source, ['departments', i, 'parentId'], `no department with id ${d.parentId}`);
    }
  });
  const userIds = new Set(doc.users.map((u) => u.userId));
  const users: OrgUser[] = doc.users.map((u, i) => {
    u.departments.forEach((dept, j) => {
      if (!departmentIds.has(dept)) throw invalid(source, ['users', i, 'departments', j], `no department with id ${dept}`);
    });
    if (u.managerUserId !== undefined && !userIds.has(u.managerUserId)) {
      throw invalid(source, ['users', i, 'managerUserId'], `no user with userId ${u.managerUserId}`);
    }
    const corpId = u.corpId ?? doc.app.corpId;
    return { ...u, corpId, external: corpId !== doc.app.corpId };
  });
  doc.chats.forEach((chat, i) => {
    chat.members.forEach((member, j) => {
      if (!userIds.has(member)) throw invalid(source, ['chats', i, 'members', j], `no user with userId ${member}`);
    });
    if (chat.type === 'single' && chat.members.length !== 1) {
      throw invalid(source, ['chats', i, 'members'], 'a single chat is the bot and exactly one user');
    }
  });

  let work: unknown;
  try {
    work = parseWorkState(doc.work ?? {});
  } catch (error) {
    if (error instanceof WardenError) throw new WardenError(error.code, `${source}: work: ${error.message}`, error.details);
    throw error;
  }
  return {
    app: {
      ...doc.app,
      robotCode: doc.app.robotCode ?? doc.app.clientId,
      chatbotUserId: doc.app.chatbotUserId ?? `$:LWCP_v1:$bot-${doc.app.clientId}`,
    },
    departments: doc.departments,
    users,
    chats: doc.chats,
    work,
  };
}

/** Reads and parses an organisation file (YAML or JSON). */
export async function loadOrgFile(path: string): Promise<OrgState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new WardenError('input-not-found', `cannot read organisation file ${path} (${reason}); pass --org with a readable YAML file`, { path });
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new WardenError('config-invalid', `${path}: not valid YAML: ${(error as Error).message}`, { path });
  }
  return parseOrg(raw, path);
}

/** The built-in demo organisation (demo-org.yaml beside this file). */
export function loadDemoOrg(): Promise<OrgState> {
  return loadOrgFile(fileURLToPath(new URL('./demo-org.yaml', import.meta.url)));
}
