// The prefilter tries the redaction regex only where a rule's declared prefix occurs: a rule whose
// regex can match text starting otherwise would silently stop redacting it. Each shape rule's regex
// is checked against its prefixes on known tokens, on every one-character change of their start,
// and at every position of random text made of the characters that matter.
import { describe, expect, it } from 'vitest';
import { SHAPE_RULES } from '../../src/domain/secret-patterns.js';

const PEM_B64 = Buffer.from('-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLe\n').toString('base64');
const TOKENS = [
  '-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  'AKIAIOSFODNN7EXAMPLE', 'ASIAY34FZKBOKMUTVV7A', `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`, `gho_${'x'.repeat(36)}`, `ghu_${'a'.repeat(36)}`,
  `ghs_${'Y7'.repeat(18)}`, `ghr_${'b'.repeat(36)}`, `github_pat_11ABCDEFG0_${'z'.repeat(59)}`, 'glpat-xxxxXXXXxxxx1234yyyy',
  'xoxb-1234567890-0987654321-AbCdEfGhIjKl', 'xoxp-1234567890-abc', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SflKxwRJSMeKKF2QT4fw',
  'Bearer abc123.def-456_ghi', 'bearer 0123456789abcdef', 'BEARER\ttok.tok.tok', 'Authorization: Basic dXNlcjpwYXNzd29yZA==',
  'authorization:basic dXNlcjpw', 'AUTHORIZATION: BASIC dXNlcjpw', PEM_B64, '://app:s3cret@', '://:hunter22@',
];
const ALPHABET = [...new Set([...SHAPE_RULES.flatMap((rule) => rule.prefixes).join(''), ...'aZ09_-.:/@ \t=+ ghpousrxbeyJ'])];

const anchored = (source: string): RegExp => new RegExp(`^(?:${source})`);
const startsWithOneOf = (text: string, prefixes: readonly string[], at = 0): boolean => prefixes.some((prefix) => text.startsWith(prefix, at));

describe('the declared prefixes of each shape rule', () => {
  it.each(SHAPE_RULES.map((rule, index) => [`${index} ${rule.name}`, rule] as const))('%s: known tokens match and start with one', (_label, rule) => {
    const matching = TOKENS.filter((token) => anchored(rule.source).test(token));
    expect(matching.length).toBeGreaterThan(0);
    for (const token of matching) expect(startsWithOneOf(token, rule.prefixes), token).toBe(true);
  });

  it.each(SHAPE_RULES.map((rule, index) => [`${index} ${rule.name}`, rule] as const))('%s: no change of a token\'s start matches without one', (_label, rule) => {
    const regex = anchored(rule.source);
    const reach = Math.max(...rule.prefixes.map((prefix) => prefix.length)) + 1;
    for (const token of TOKENS.filter((candidate) => regex.test(candidate))) {
      for (let at = 0; at < reach; at++) {
        for (const char of [...ALPHABET, '', 'é', '\n']) {
          for (const changed of [token.slice(0, at) + char + token.slice(at + 1), token.slice(0, at) + char + token.slice(at)]) {
            if (regex.test(changed)) expect(startsWithOneOf(changed, rule.prefixes), JSON.stringify(changed)).toBe(true);
          }
        }
      }
    }
  });

  it('every match at any position of random text starts with a declared prefix', () => {
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const pieces = [...ALPHABET, ...SHAPE_RULES.flatMap((rule) => rule.prefixes), ...TOKENS];
    for (let round = 0; round < 200; round++) {
      let text = '';
      while (text.length < 400) text += pieces[Math.floor(next() * pieces.length)];
      for (const rule of SHAPE_RULES) {
        const sticky = new RegExp(rule.source, 'y');
        for (let at = 0; at < text.length; at++) {
          sticky.lastIndex = at;
          if (sticky.test(text)) expect(startsWithOneOf(text, rule.prefixes, at), `${rule.name} at ${at} of ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
  });
});
