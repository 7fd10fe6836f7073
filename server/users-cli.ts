// npm run users -- <command>: user administration from the command line (the first administrator starts here).
//   list
//   create-admin <username> [--name "Họ tên"]
//   create <username> --role <role> [--name "Họ tên"] [--scope 993,99101]
//   set-role <username> <role> | set-scopes <username> <codes,...> | reset-password <username>
//   deactivate <username> | activate <username>
// Passwords are read from the terminal without echo, or from standard input (one line) when it is not a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from './contracts/permissions';
import { HttpError } from './http/errors';
import { createUser, findUserByName, listUsers, setPassword, updateUser } from './services/users';
import { fail, withCliDatabase } from './db/open';
import type { Db } from './db/client';
import { readEnv } from './env';

const ACTOR = { actorId: null, actorName: `cli:${readEnv().USER ?? 'unknown'}`, address: null };

async function readPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (!process.stdin.isTTY) {
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error('No password on standard input / Không có mật khẩu ở đầu vào chuẩn');
  }
  // Hide what is typed: readline echoes through _writeToOutput, which we silence after the prompt.
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted._writeToOutput = () => undefined;
  });
}

async function newPassword(): Promise<string> {
  const first = await readPassword('Mật khẩu mới / New password: ');
  if (process.stdin.isTTY && (await readPassword('Nhập lại / Repeat: ')) !== first)
    throw new Error('Hai lần nhập không khớp / The passwords differ');
  return first;
}

function role(value: string | undefined): Role {
  if (!value || !(ROLES as readonly string[]).includes(value))
    throw new Error(`Vai trò phải là / role must be one of: ${ROLES.join(', ')}`);
  return value as Role;
}

async function userId(db: Db, username: string | undefined): Promise<number> {
  const u = username ? await findUserByName(db, username) : null;
  if (!u) throw new Error(`Không có người dùng / no user: ${username ?? '(missing)'}`);
  return u.id;
}

const commaList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

async function printUsers(db: Db) {
  for (const u of await listUsers(db))
    console.log(
      `${u.active ? ' ' : '✗'} ${u.username.padEnd(20)} ${u.role.padEnd(9)} ${u.displayName}${u.scopes.length ? `  [${u.scopes.join(', ')}]` : ''}`,
    );
}

async function create(db: Db, username: string | undefined, r: Role, opts: { name?: string; scope?: string }) {
  if (!username) throw new Error('Thiếu tên đăng nhập / username missing');
  const u = await createUser(
    db,
    {
      username,
      displayName: opts.name ?? username,
      role: r,
      password: await newPassword(),
      scopes: commaList(opts.scope),
    },
    ACTOR,
  );
  console.log(`Đã tạo / created: ${u.username} (${u.role})${u.scopes.length ? ` [${u.scopes.join(', ')}]` : ''}`);
}

/** The commands that change one account; each prints "done". */
async function changeAccount(db: Db, command: string | undefined, args: string[]) {
  switch (command) {
    case 'set-role':
      return updateUser(db, await userId(db, args[0]), { role: role(args[1]) }, ACTOR);
    case 'set-scopes':
      return updateUser(db, await userId(db, args[0]), { scopes: commaList(args[1]) }, ACTOR);
    case 'reset-password':
      return setPassword(db, await userId(db, args[0]), await newPassword(), ACTOR);
    case 'deactivate':
    case 'activate':
      return updateUser(db, await userId(db, args[0]), { active: command === 'activate' }, ACTOR);
    default:
      throw new Error(
        'Lệnh / commands: list, create-admin, create, set-role, set-scopes, reset-password, deactivate, activate',
      );
  }
}

async function run(
  db: Db,
  command: string | undefined,
  args: string[],
  opts: { role?: string; name?: string; scope?: string },
) {
  if (command === 'list') return printUsers(db);
  if (command === 'create-admin') return create(db, args[0], 'admin', opts);
  if (command === 'create') return create(db, args[0], role(opts.role), opts);
  await changeAccount(db, command, args);
  console.log('Xong / done');
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' } },
});
withCliDatabase((database) => run(database.db, positionals[0], positionals.slice(1), values)).catch((e: unknown) =>
  fail(e instanceof HttpError ? new Error(`${e.vi} / ${e.en}`) : e),
);
