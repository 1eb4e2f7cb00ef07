import { readFileSync, watch } from 'node:fs';
import path from 'node:path';
import type { AccessLevel, Credentials, Principal } from './auth';
import { apiKeyEntry, apiKeyEntryRule, ConfigError, jwtSecretMinLength, type Config } from './config';
import type { Logger } from './logger';

export type CredentialsConfig = Pick<Config, 'API_KEYS' | 'API_KEYS_FILE' | 'JWT_SECRET' | 'JWT_SECRET_FILE'>;

/** The API keys and JWT secrets in force, replaced whole by a reload that succeeds. */
export interface CredentialStore {
  current(): Credentials;
  /** Reads the files again; if one is unreadable or has a bad line, the credentials in force stay and the error is logged. */
  reload(trigger?: string): boolean;
  /** Reloads when a file changes, until the returned function is called. */
  watch(): () => void;
}

/** Editors and `kubectl` replace a file in several steps: reload once they are done. */
const settleMs = 200;

/** One entry and where it came from: errors name the place, never the entry, which holds a key. */
interface Line {
  text: string;
  where: string;
}

/** The non-blank lines of a file that are not `#` comments, with their numbers. */
function linesOf(variable: string, file: string): Line[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${variable} ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), where: `${variable} ${file} line ${index + 1}` }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
}

/** API_KEYS and API_KEYS_FILE, JWT_SECRET and JWT_SECRET_FILE, together; a bad entry throws ConfigError naming its place. */
export function readCredentials(config: CredentialsConfig): Credentials {
  const entries = (config.API_KEYS?.split(',') ?? []).map((text, index) => ({ text, where: `API_KEYS entry ${index + 1}` }));
  if (config.API_KEYS_FILE) entries.push(...linesOf('API_KEYS_FILE', config.API_KEYS_FILE));
  const apiKeys = new Map<string, Principal>();
  const names = new Map<string, string>();
  const keys = new Map<string, { name: string; where: string }>();
  for (const { text, where } of entries) {
    if (!apiKeyEntry.test(text)) throw new ConfigError(`${where}: must be ${apiKeyEntryRule}`);
    const [name, key, level] = text.split(':') as [string, string, AccessLevel];
    // Revisions name the key's name: two keys under one name, or one key under two, would blur who wrote what.
    const sameName = names.get(name);
    if (sameName) throw new ConfigError(`${where}: the name "${name}" is already used (${sameName})`);
    const sameKey = keys.get(key);
    if (sameKey) throw new ConfigError(`${where}: the key of "${name}" is already the key of "${sameKey.name}" (${sameKey.where})`);
    names.set(name, where);
    keys.set(key, { name, where });
    apiKeys.set(key, { id: `key:${name}`, level });
  }

  const secrets = (config.JWT_SECRET?.split(',') ?? []).map((text, index) => ({ text, where: `JWT_SECRET secret ${index + 1}` }));
  if (config.JWT_SECRET_FILE) {
    const lines = linesOf('JWT_SECRET_FILE', config.JWT_SECRET_FILE);
    // An emptied file would silently turn HS256 tokens off, or over to JWT_JWKS_URL.
    if (lines.length === 0) throw new ConfigError(`JWT_SECRET_FILE ${config.JWT_SECRET_FILE} holds no secret`);
    secrets.push(...lines);
  }
  for (const { text, where } of secrets) {
    if (text.length < jwtSecretMinLength) throw new ConfigError(`${where}: must be at least ${jwtSecretMinLength} characters (HS256)`);
  }
  return {
    apiKeys,
    jwtSecrets: secrets.map(({ text }) => new TextEncoder().encode(text)),
  };
}

/** Reads the credentials once (a bad entry throws ConfigError); reload() and watch() read the files again. */
export function createCredentialStore(config: CredentialsConfig, logger: Logger): CredentialStore {
  let credentials = readCredentials(config);
  const files = [config.API_KEYS_FILE, config.JWT_SECRET_FILE].filter((file): file is string => file !== undefined);
  const contents = () => files.map((file) => readFileSync(file, 'utf8')).join('\0');
  // What the watcher compares with, bad, good or unreadable (undefined), so that each fault is reported once.
  let loaded: string | undefined = contents();

  function reload(trigger = 'reload'): boolean {
    try {
      loaded = contents();
    } catch {
      // readCredentials says which file cannot be read.
      loaded = undefined;
    }
    let next: Credentials;
    try {
      next = readCredentials(config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.error({ trigger }, `API keys and JWT secrets not reloaded (${trigger}); the ones in force stay: ${reason}`);
      return false;
    }
    const nameOf = (principal: Principal) => principal.id.slice('key:'.length);
    const added = [...next.apiKeys].filter(([key]) => !credentials.apiKeys.has(key)).map(([, principal]) => nameOf(principal));
    const removed = [...credentials.apiKeys].filter(([key]) => !next.apiKeys.has(key)).map(([, principal]) => nameOf(principal));
    const changed = [...next.apiKeys]
      .filter(([key, principal]) => {
        const before = credentials.apiKeys.get(key);
        return before !== undefined && (before.id !== principal.id || before.level !== principal.level);
      })
      .map(([, principal]) => nameOf(principal));
    credentials = next;
    logger.info(
      { trigger, added, removed, changed, apiKeys: next.apiKeys.size, jwtSecrets: next.jwtSecrets.length },
      `API keys and JWT secrets reloaded (${trigger}): API keys added ${added.length}, removed ${removed.length}, changed ${changed.length}; in force: ${next.apiKeys.size} API keys, ${next.jwtSecrets.length} JWT secrets`,
    );
    return true;
  }

  function watchFiles(): () => void {
    let timer: NodeJS.Timeout | undefined;
    const settled = () => {
      // The directory holds other files too: reload only when ours read differently.
      let now: string | undefined;
      try {
        now = contents();
      } catch {
        // Unreadable: reload() says so, once, and keeps the credentials in force.
      }
      if (now !== loaded) reload('file change');
    };
    // The directory, not the file: an editor or a Kubernetes secret replaces the file by a rename.
    const directories = [...new Set(files.map((file) => path.dirname(path.resolve(file))))];
    const watchers = directories.map((directory) =>
      watch(directory, () => {
        clearTimeout(timer);
        timer = setTimeout(settled, settleMs).unref();
      })
        .on('error', (error) => logger.error({ err: error }, `stopped watching ${directory} for changed API keys or JWT secrets; SIGHUP still reloads`))
        .unref(),
    );
    return () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    };
  }

  return { current: () => credentials, reload, watch: watchFiles };
}
