// Secrets redaction: literal secret values (from secret-looking env vars and variables declared
// secret, with their quoted/encoded forms) and well-known token shapes become
// `[REDACTED:<name>]`; everything else in the text is kept as it was.
import { createRedactionStream, type CompiledRules, type RedactionStream } from './redaction-stream.js';
import {
  isSecretEnvName,
  literalVariants,
  MIN_DECLARED_SECRET_LENGTH,
  MIN_ENV_SECRET_LENGTH,
  PRIVATE_KEY_BEGIN,
  SHAPE_RULES,
  utf8AsLatin1,
} from './secret-patterns.js';

export type { RedactionStream } from './redaction-stream.js';

export interface Redactor {
  redact(text: string): { text: string; count: number };
  /**
   * For chunked output. With `bytes`, chunks are raw bytes decoded as latin1 (one char per byte)
   * and the output is meant to be encoded back the same way: no UTF-8 decoding on the hot path,
   * and a multi-byte character split across chunks is never mangled.
   */
  stream(opts?: { bytes?: boolean }): RedactionStream;
  /** How many literal secret values it knows (for diagnostics). */
  readonly secretCount: number;
  /** Names whose values are redacted (never the values). */
  readonly secretNames: readonly string[];
}

export interface RedactorOptions {
  /** The environment the commands run with: secret-looking names have their values redacted. */
  env?: Record<string, string | undefined>;
  /** Values to redact whatever their name, e.g. variables declared `secret: true`. */
  secrets?: Array<{ name: string; value: string }>;
  /** False scans with the plain combined regex, without the literal prefilter (the reference in tests). */
  prefilter?: boolean;
}

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
const marker = (name: string): string => `[REDACTED:${name}]`;
/** A literal secret is looked for by its first characters (the scan searches from the rarest of them). */
const LITERAL_PREFIX_LENGTH = 16;

/** Drops a prefix that starts with another one: wherever it occurs, the shorter one occurs too. */
function minimalPrefixes(prefixes: Iterable<string>): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const prefix of sorted) if (!kept.some((shorter) => prefix.startsWith(shorter))) kept.push(prefix);
  return kept;
}

function collectSecrets(opts: RedactorOptions): Map<string, string> {
  const byValue = new Map<string, string>();
  for (const { name, value } of opts.secrets ?? []) {
    if (value.length >= MIN_DECLARED_SECRET_LENGTH && !byValue.has(value)) byValue.set(value, name);
  }
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined || value.length < MIN_ENV_SECRET_LENGTH || byValue.has(value)) continue;
    if (isSecretEnvName(name)) byValue.set(value, name);
  }
  return byValue;
}

function compile(secrets: Map<string, string>, encode: (text: string) => string, prefilter: boolean): CompiledRules {
  const literalNames = new Map<string, string>();
  for (const [value, name] of secrets) {
    for (const variant of literalVariants(value)) {
      const encoded = encode(variant);
      if (!literalNames.has(encoded)) literalNames.set(encoded, encode(marker(name)));
    }
  }
  const literals = [...literalNames.keys()].sort((a, b) => b.length - a.length);
  const groups: string[] = [];
  const replacers: CompiledRules['replacers'] = [];
  if (literals.length > 0) {
    groups.push(literals.map(escapeRegex).join('|'));
    replacers.push((match) => literalNames.get(match) ?? null);
  }
  let pemGroup = -1;
  for (const rule of SHAPE_RULES) {
    groups.push(rule.source);
    const text = marker(rule.name);
    const known = (secret: string): string | undefined => literalNames.get(secret);
    replacers.push(rule.replace ? (match) => rule.replace!(match, text, known) : () => text);
    if (rule.source === PRIVATE_KEY_BEGIN) pemGroup = groups.length;
  }
  const prefixes = [
    ...literals.map((literal) => literal.slice(0, LITERAL_PREFIX_LENGTH)),
    ...SHAPE_RULES.flatMap((rule) => rule.prefixes),
  ];
  return {
    regex: new RegExp(groups.map((source) => `(${source})`).join('|'), 'g'),
    prefixes: prefilter ? minimalPrefixes(prefixes) : [],
    replacers,
    pemGroup,
    longestLiteral: literals[0]?.length ?? 0,
    longestMultiline: Math.max(0, ...literals.filter((text) => text.includes('\n')).map((text) => text.length)),
  };
}

export function createRedactor(opts: RedactorOptions): Redactor {
  const secrets = collectSecrets(opts);
  const compiled = new Map<boolean, CompiledRules>();
  const rules = (bytes: boolean): CompiledRules => {
    let found = compiled.get(bytes);
    if (!found) {
      found = compile(secrets, bytes ? utf8AsLatin1 : (text) => text, opts.prefilter ?? true);
      compiled.set(bytes, found);
    }
    return found;
  };
  return {
    redact(text) {
      const stream = createRedactionStream(rules(false));
      const out = stream.push(text) + stream.flush();
      return { text: out, count: stream.count };
    },
    stream: (opts) => createRedactionStream(rules(opts?.bytes ?? false)),
    secretCount: secrets.size,
    secretNames: [...new Set(secrets.values())],
  };
}
