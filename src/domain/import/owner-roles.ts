// Who owns a step, as a runbook writes it ("DBA", "@oncall", "Ana", "Platform team"), -> the id of
// a checklist role. A declared role is found by its id, title, abbreviation ("Database
// administrator (DBA)", initials, a legend) or the person or handle filling it; anything else is
// declared as a role of its own, as an owner column does, so the checklist stays valid.
import type { ImportContext, RoleDraft } from './context.js';
import { slugify } from './ids.js';
import { roleTitle } from './steps.js';

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9@]+/g, ' ').trim();

function initials(title: string): string {
  return title.split(/[^A-Za-z]+/).filter(Boolean).map((w) => w.charAt(0)).join('').toLowerCase();
}

/** Whether `written` names `role`: its title, an abbreviation of it, or who fills it. */
function names(role: RoleDraft, written: string, ctx: ImportContext): boolean {
  const text = fold(written);
  if (!text) return false;
  const title = fold(role.title);
  // "@payments-oncall" for "Payments on-call".
  const squeezed = (t: string): string => t.replace(/[^a-z0-9]+/g, '');
  if (written.startsWith('@') && squeezed(text) === squeezed(title)) return true;
  const abbreviation = /\(([^)]+)\)\s*$/.exec(role.title)?.[1];
  const longForm = ctx.abbreviations.get(text);
  return (
    title === text ||
    (abbreviation !== undefined && fold(abbreviation) === text) ||
    // "IC" for "Incident Commander"; not "SOC" for "SRE on-call", which has an acronym of its own.
    (text.length >= 2 && !text.includes(' ') && role.title.includes(' ') && !/\b[A-Z]{2,}\b/.test(role.title) && initials(role.title) === text) ||
    (longForm !== undefined && fold(longForm) === title) ||
    (role.name !== undefined && fold(role.name) === text) ||
    (written.startsWith('@') && (role.contact ?? '').toLowerCase().split(/[\s,;/]+/).includes(written.toLowerCase()))
  );
}

/** The declared role `written` names, if any (no role is declared). */
export function knownRole(written: string, ctx: ImportContext): string | undefined {
  const clean = written.replace(/[`*_]/g, '').trim();
  const id = slugify(clean.replace(/^@/, ''), 6);
  if (id && ctx.roles.has(id)) return id;
  const roles = [...ctx.roles.values()];
  const named = roles.find((role) => names(role, clean, ctx))?.id;
  if (named) return named;
  // "Dana" for the role Dana Kim fills, when no one else is called Dana.
  const first = roles.filter((role) => role.name !== undefined && fold(role.name).split(' ')[0] === fold(clean));
  return /^[A-Z][a-z]+$/.test(clean) && first.length === 1 ? first[0]?.id : undefined;
}

/** The role id for an owner as written; an owner no role matches is declared (not required). */
export function ownerRole(written: string, ctx: ImportContext): string {
  const clean = written.replace(/[`*_]/g, '').trim();
  const known = knownRole(clean, ctx);
  if (known) return known;
  // "@oncall": a handle names who fills the role, as in an owner column.
  if (/^@[\w.-]+$/.test(clean)) return ctx.role(clean.slice(1), { name: clean });
  return ctx.role(roleTitle(clean));
}
