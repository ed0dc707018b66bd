import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { StartupRefusal } from '../env.js';
import { isPasswordHash } from './password-hash.js';

/**
 * What each role may do. `admin`: everything; `direction`: read every city; `manager`: read the
 * cities listed for them; `importer`: read and write the cities listed (scripts, a site's
 * back office).
 */
export const ROLES = ['admin', 'direction', 'manager', 'importer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only see the cities listed for them, and must list at least one. */
export const CITY_BOUND_ROLES: readonly Role[] = ['manager', 'importer'];

/** One person (or script) of the users file. */
export interface UserRecord {
  readonly name: string;
  readonly role: Role;
  /** For `manager` and `importer`: the cities they see (and, importers, write). */
  readonly cities: readonly string[];
  /** The password's hash (see `hashPassword`), never the password. */
  readonly password: string;
}

/** A users file that cannot be used, with every problem found. */
export class UsersFileError extends StartupRefusal {
  override name = 'UsersFileError';
}

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** The users of a file's text: YAML (`.yml`, `.yaml`) or JSON, `{ users: [...] }`. */
export function parseUsers(text: string, path: string): UserRecord[] {
  let document: unknown;
  try {
    document = isYaml(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsersFileError(
      `${path} is not readable ${isYaml(path) ? 'YAML' : 'JSON'}: ${String(error)}`,
    );
  }
  const list = (document as { users?: unknown } | null)?.users ?? [];
  if (!Array.isArray(list)) throw new UsersFileError(`${path}: "users" must be a list`);
  const problems: string[] = [];
  const seen = new Set<string>();
  const users = list.flatMap((entry: unknown, index): UserRecord[] => {
    const where = `${path}, user ${index + 1}`;
    const user = checkUser(entry, where, problems);
    if (user === undefined) return [];
    const key = user.name.toLowerCase();
    if (seen.has(key)) problems.push(`${where}: "${user.name}" is named twice`);
    seen.add(key);
    return [user];
  });
  if (problems.length > 0) throw new UsersFileError(problems.join('; '));
  return users;
}

function checkUser(entry: unknown, where: string, problems: string[]): UserRecord | undefined {
  if (typeof entry !== 'object' || entry === null) {
    problems.push(`${where}: not an object with name, role and password`);
    return undefined;
  }
  const { name, role, cities = [], password } = entry as Record<string, unknown>;
  const before = problems.length;
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.push(`${where}: name must be 1 to 64 letters, digits or . _ @ -`);
  }
  if (!ROLES.includes(role as Role)) {
    problems.push(`${where}: role must be one of ${ROLES.join(', ')}`);
  }
  const cityList = Array.isArray(cities) ? cities : [];
  if (
    !Array.isArray(cities) ||
    cityList.some((city) => typeof city !== 'string' || city.trim() === '')
  ) {
    problems.push(`${where}: cities must be a list of city names`);
  } else if (CITY_BOUND_ROLES.includes(role as Role) && cityList.length === 0) {
    problems.push(`${where}: a ${String(role)} needs at least one city`);
  }
  if (typeof password !== 'string' || !isPasswordHash(password)) {
    problems.push(
      `${where}: password must be a hash made by npm run users (never the password itself)`,
    );
  }
  if (problems.length > before) return undefined;
  return {
    name: name as string,
    role: role as Role,
    cities: (cityList as string[]).map((city) => city.trim()),
    password: password as string,
  };
}

/** The users of the file at `path`; a missing file is an error naming it. */
export async function readUsersFile(path: string): Promise<UserRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    // A bind mount of a file that did not exist leaves an empty folder in its place (EISDIR).
    const remedy =
      code === 'EACCES'
        ? `this process (uid ${process.getuid?.() ?? '?'}) may not read it: chmod 644 ${path}`
        : 'create it with npm run users -- add NAME --role admin';
    throw new UsersFileError(`cannot read the users file ${path} (${code}): ${remedy}`);
  }
  return parseUsers(text, path);
}

/** Writes the users to `path` in its format, whole or not at all (a temporary file renamed). */
export async function writeUsersFile(path: string, users: readonly UserRecord[]): Promise<void> {
  const document = {
    users: users.map(({ name, role, cities, password }) => ({
      name,
      role,
      ...(cities.length > 0 ? { cities: [...cities] } : {}),
      password,
    })),
  };
  const text = isYaml(path)
    ? `# AutoConnect users: change with npm run users (README, "Sign-in and roles").\n${stringifyYaml(document)}`
    : `${JSON.stringify(document, null, 2)}\n`;
  const temporary = `${path}.tmp`;
  // A file that exists keeps its mode. A new one is readable by all: the gateway's container runs
  // as another user (uid 1000) than whoever ran this, and the file holds scrypt hashes only.
  const mode = await stat(path).then(
    (found) => found.mode & 0o777,
    () => 0o644,
  );
  await writeFile(temporary, text, { mode });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

function isYaml(path: string): boolean {
  return ['.yml', '.yaml'].includes(extname(path).toLowerCase());
}
