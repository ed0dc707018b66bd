import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  CITY_BOUND_ROLES,
  ROLES,
  hashPassword,
  readUsersFile,
  writeUsersFile,
  type Role,
  type UserRecord,
} from '#platform';
import { parseCommandLine } from './shared/command-line.js';
import { exitWithUsage } from './shared/exit.js';

const USAGE = `usage: npm run users -- add NAME --role ${ROLES.join('|')} [--cities Lyon,Paris] [--file FILE]
       npm run users -- remove NAME [--file FILE]
       npm run users -- list [--file FILE]
       npm run users -- hash
The password is read from standard input (one line); FILE defaults to USERS_FILE.`;

/** Shorter passwords are refused: guessing is slowed by the gateway, not made impossible. */
const MIN_PASSWORD = 12;

/** The first line of standard input; typed at a terminal, it is not shown. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHidden();
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Reads keys without echo until Enter; Ctrl-C stops, Backspace erases. */
function readHidden(): Promise<string> {
  process.stderr.write('Mot de passe (non affiché) : ');
  const input = process.stdin;
  input.setRawMode(true);
  input.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve) => {
    const onData = (keys: string): void => {
      for (const key of keys) {
        if (key === '\u0003') process.exit(130);
        if (key === '\r' || key === '\n') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        typed = key === '\u007f' ? typed.slice(0, -1) : typed + key;
      }
    };
    input.on('data', onData);
  });
}

async function newPasswordHash(): Promise<string> {
  const password = await readPassword();
  if (password.length < MIN_PASSWORD) {
    exitWithUsage(USAGE, `the password must hold at least ${MIN_PASSWORD} characters`);
  }
  return hashPassword(password);
}

function fileOf(given: string | undefined): string {
  const path = given ?? process.env.USERS_FILE ?? '';
  if (path === '') exitWithUsage(USAGE, 'give --file, or set USERS_FILE');
  return path;
}

async function usersOf(path: string): Promise<UserRecord[]> {
  return existsSync(path) ? readUsersFile(path) : [];
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      cities: { type: 'string', default: '' },
      file: { type: 'string' },
    },
  });
  const [command, name] = positionals;
  if (command === 'hash') {
    process.stdout.write(`${await newPasswordHash()}\n`);
    return;
  }
  const path = fileOf(values.file);
  const users = await usersOf(path);
  if (command === 'list') {
    for (const user of users) {
      process.stdout.write(`${user.name}\t${user.role}\t${user.cities.join(',') || '(toutes)'}\n`);
    }
    return;
  }
  if (name === undefined) exitWithUsage(USAGE, `${command ?? 'a command'} needs a NAME`);
  const others = users.filter((user) => user.name.toLowerCase() !== name.toLowerCase());
  if (command === 'remove') {
    if (others.length === users.length) exitWithUsage(USAGE, `no user "${name}" in ${path}`);
    await writeUsersFile(path, others);
    process.stderr.write(`${name} removed from ${path}\n`);
    return;
  }
  if (command !== 'add') exitWithUsage(USAGE, `unknown command "${command ?? ''}"`);
  const role = values.role as Role;
  if (!ROLES.includes(role)) exitWithUsage(USAGE, `--role must be one of ${ROLES.join(', ')}`);
  const cities = values.cities
    .split(',')
    .map((city) => city.trim())
    .filter(Boolean);
  if (CITY_BOUND_ROLES.includes(role) && cities.length === 0) {
    exitWithUsage(USAGE, `a ${role} needs --cities`);
  }
  const user: UserRecord = { name, role, cities, password: await newPasswordHash() };
  await writeUsersFile(path, [...others, user]);
  process.stderr.write(
    `${name} (${role}${cities.length > 0 ? `, ${cities.join(', ')}` : ''}) ${others.length < users.length ? 'updated' : 'added'} in ${path}; a running gateway reads it again within 2 s\n`,
  );
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
