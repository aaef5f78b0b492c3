// What counts as a secret: environment variable names that look secret, and well-known token
// shapes. No shape has nested quantifiers and every backtrack is bounded, so one combined regex
// scans any output in linear time.

/**
 * Env var names are split into word parts (`_`, `-`, `.`, camelCase). A name is secret when
 * one part is a secret word (GITHUB_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY, PGPASSWORD)
 * and its last part is not metadata about a secret (SSH_AUTH_SOCK, TOKEN_FILE, KEY_PATH,
 * AUTH_TYPE name a path or a setting, not the secret itself). KEYBOARD or MONKEY are not
 * secret: KEY must be a whole part (or the end of APIKEY/ACCESSKEY-like compounds).
 */
const SECRET_PARTS = new Set([
  'TOKEN', 'TOKENS', 'SECRET', 'SECRETS', 'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PASSPHRASE',
  'KEY', 'KEYS', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'AUTH', 'PRIVATE', 'COOKIE',
]);
/** Compound parts ending like this are secret too: ACCESSTOKEN, CLIENTSECRET, PGPASSWORD. */
const SECRET_SUFFIX = /(?:TOKEN|SECRET|PASSWORD|PASSWD|APIKEY|ACCESSKEY|SECRETKEY|PRIVATEKEY)$/;
const METADATA_PARTS = new Set([
  'SOCK', 'SOCKET', 'PATH', 'FILE', 'DIR', 'HOME', 'HOST', 'PORT', 'URL', 'URI', 'ENDPOINT', 'SERVER',
  'USER', 'USERNAME', 'NAME', 'ID', 'TYPE', 'KIND', 'MODE', 'METHOD', 'PROVIDER', 'REGION', 'ENABLED',
  'DISABLED', 'ENABLE', 'DISABLE', 'EXPIRY', 'EXPIRES', 'TTL', 'TIMEOUT', 'LENGTH', 'SIZE', 'VERSION',
  'ALGORITHM', 'FORMAT', 'PREFIX', 'SUFFIX', 'COMMAND', 'CMD', 'HELPER', 'PROGRAM', 'SCOPE', 'ISSUER',
]);
/** KEY after one of these names a lookup key or a public key, not a secret: PARTITION_KEY, SSH_PUBLIC_KEY. */
const NON_SECRET_KEY_KINDS = new Set([
  'PARTITION', 'SORT', 'PRIMARY', 'FOREIGN', 'ROUTING', 'CACHE', 'SHARD', 'INDEX', 'LOOKUP', 'IDEMPOTENCY', 'PUBLIC',
]);
/** Environment values shorter than this are never treated as secrets (too many false hits). */
export const MIN_ENV_SECRET_LENGTH = 6;
/** Declared secret variables shorter than this are not redacted: redacting "ab" would mangle all output. */
export const MIN_DECLARED_SECRET_LENGTH = 4;

function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((part) => part.length > 0);
}

export function isSecretEnvName(name: string): boolean {
  const parts = nameParts(name);
  const last = parts[parts.length - 1];
  if (last === undefined || METADATA_PARTS.has(last)) return false;
  // PWD alone is the working directory; MYSQL_PWD is a password.
  if (parts.length > 1 && parts.includes('PWD')) return true;
  return parts.some((part, i) => {
    if (part.startsWith('KEY') && NON_SECRET_KEY_KINDS.has(parts[i - 1] ?? '')) return false;
    return SECRET_PARTS.has(part) || SECRET_SUFFIX.test(part);
  });
}

export interface ShapeRule {
  name: string;
  /** Regex source; must not contain capture groups (the combined regex numbers its own). */
  source: string;
  /** Every match of `source` starts with one of these: the scan tries the regex only where one occurs. */
  prefixes: readonly string[];
  /**
   * Replacement for a match; default the marker `[REDACTED:<name>]`. Keeps the non-secret part
   * (e.g. `Bearer `); null means "not a secret after all", the text stays. `known` gives the
   * marker of a literal secret, so a known password in a URL is named after its variable.
   */
  replace?: (match: string, marker: string, known: (secret: string) => string | undefined) => string | null;
}

const TOKEN_CHARS = 'A-Za-z0-9._~+/-';

/** Already redacted (text redacted twice, e.g. an excerpt stored in an event): left as it is. */
const isMarker = (text: string): boolean => /^\[REDACTED:[^\]\s]*\]$/.test(text);

/** Keep everything up to the last run of whitespace (the scheme word), replace the rest. */
const keepLeadingWords: ShapeRule['replace'] = (match, marker, known) => {
  const secret = /\S+$/.exec(match)![0];
  return isMarker(secret) ? null : match.slice(0, -secret.length) + (known(secret) ?? marker);
};

export const PRIVATE_KEY_BEGIN = '-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----';
export const PRIVATE_KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
export const PRIVATE_KEY_RULE = 'private-key';

export const SHAPE_RULES: readonly ShapeRule[] = [
  { name: PRIVATE_KEY_RULE, source: PRIVATE_KEY_BEGIN, prefixes: ['-----BEGIN '] },
  // The look-behind comes after the prefix: checked only where AKIA/ASIA was found, not at every position.
  { name: 'aws-access-key', source: 'A(?:KIA|SIA)(?<![A-Z0-9]....)[A-Z0-9]{16}(?![A-Z0-9])', prefixes: ['AKIA', 'ASIA'] },
  {
    name: 'github-token',
    source: 'g(?:h[pousr]_[A-Za-z0-9]{20,255}|ithub_pat_[A-Za-z0-9_]{22,255})',
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  { name: 'gitlab-token', source: 'glpat-[A-Za-z0-9_-]{20,}', prefixes: ['glpat-'] },
  { name: 'slack-token', source: 'xox[abprs]-[A-Za-z0-9-]{10,}', prefixes: ['xox'] },
  { name: 'jwt', source: 'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*', prefixes: ['eyJ'] },
  {
    // The token must contain a digit or punctuation, so prose such as "Bearer authentication" stays.
    name: 'bearer',
    source: `(?:B(?:earer|EARER)|bearer)[ \\t]+(?=[A-Za-z]*[0-9._~+/-])[${TOKEN_CHARS}]{8,}=*`,
    prefixes: ['Bearer', 'BEARER', 'bearer'],
    replace: keepLeadingWords,
  },
  {
    name: 'basic-auth',
    source: '(?:A(?:uthorization|UTHORIZATION)|authorization):[ \\t]*(?:[Bb]asic|BASIC)[ \\t]+[A-Za-z0-9+/]{6,}=*',
    prefixes: ['Authorization:', 'AUTHORIZATION:', 'authorization:'],
    replace: keepLeadingWords,
  },
  {
    // A base64-encoded PEM private key, as in `kubectl get secret -o yaml` (certificates are left alone).
    name: PRIVATE_KEY_RULE,
    source: 'LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,}={0,2}',
    prefixes: ['LS0tLS1CRUdJTi'],
    // Whole 4-character groups only: atob throws on a run cut at any other length.
    replace: (match, marker) => (/PRIVATE KEY/.test(atob(match.slice(0, Math.min(80, match.length & ~3)))) ? marker : null),
  },
  {
    // scheme://user:password@host — the user and host stay readable; redis://:password@host too.
    name: 'url-password',
    source: `:\\/\\/[^\\s:@\\/?#"'<>]{0,256}:[^\\s\\/?#"'<>]{1,256}@`,
    prefixes: ['://'],
    replace: (match, marker, known) => {
      const colon = match.indexOf(':', 3);
      const secret = match.slice(colon + 1, -1);
      return isMarker(secret) ? null : `${match.slice(0, colon + 1)}${known(secret) ?? marker}@`;
    },
  },
];

/** The UTF-8 bytes of a string, one char per byte (how the runner scans raw output). */
export function utf8AsLatin1(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** The forms a literal secret can take besides itself: as rendered into a command (single quotes,
 * double quotes, here-document), JSON-escaped, URL-encoded, base64. */
export function literalVariants(value: string): string[] {
  const variants = new Set<string>([value]);
  variants.add(value.replace(/'/g, `'\\''`));
  variants.add(value.replace(/[\\$`"]/g, '\\$&'));
  variants.add(value.replace(/[\\$`]/g, '\\$&'));
  variants.add(JSON.stringify(value).slice(1, -1));
  variants.add(encodeURIComponent(value));
  const base64 = btoa(utf8AsLatin1(value));
  variants.add(base64);
  variants.add(base64.replace(/=+$/, ''));
  return [...variants];
}
