// Roles from a roles table (Role / Name / Contact / Backup) or a list ("On-call SRE: sre@x.com").
// Placeholder cells (`_TBD_`, `<name>`, empty) leave the field empty, to be filled in at T-60.
import type { List } from 'mdast';
import { blockText } from './block-text.js';
import type { ImportContext, RoleDraft } from './context.js';
import { inlineText } from './inline-text.js';
import { isPlaceholder } from './placeholders.js';
import type { TableData } from './tables.js';

type RoleField = 'title' | 'name' | 'contact' | 'backup' | 'description' | 'required';

const FIELD_PATTERNS: Array<[RoleField, RegExp]> = [
  ['required', /^(?:required|mandatory|optional|needed)\??$/],
  ['backup', /\b(?:backup|secondary|deputy|alternate|fallback)\b/],
  ['contact', /\b(?:contact|phone|e-?mail|slack|pager|handle|channel|mobile)\b/],
  ['title', /\b(?:role|position|function)\b/],
  ['name', /\b(?:name|person|primary|who|assignee|on-?call)\b/],
  ['description', /\b(?:responsibilit\w*|duties|description|notes|scope)\b/],
];

function fieldOf(header: string): RoleField | undefined {
  return FIELD_PATTERNS.find(([, p]) => p.test(header.toLowerCase()))?.[0];
}

export function isRolesTable(headers: string[]): boolean {
  const fields = headers.map(fieldOf);
  return fields.includes('title') && fields.some((f) => f === 'name' || f === 'contact' || f === 'backup');
}

/** Adds one role per row; returns the titles added. */
export function rolesFromTable(data: TableData, ctx: ImportContext): string[] {
  const fields = data.headers.map(fieldOf);
  const titleAt = fields.indexOf('title');
  const added: string[] = [];
  for (const row of data.rows) {
    const title = row[titleAt]?.text.replace(/\s+/g, ' ').trim() ?? '';
    if (isPlaceholder(title)) {
      ctx.blankRows++;
      continue;
    }
    const role: Partial<RoleDraft> = { required: !OPTIONAL.test(title) };
    const extra: string[] = [];
    row.forEach((cell, i) => {
      const field = fields[i];
      if (i === titleAt || isPlaceholder(cell.text)) return;
      const answer = field === 'required' ? yesNo(cell.text) : undefined;
      if (answer !== undefined) return void (role.required = /optional/i.test(data.headers[i] ?? '') ? !answer : answer);
      if (field === 'name' || field === 'contact' || field === 'backup') role[field] = cell.text.replace(/\n/g, ', ');
      else extra.push(field === 'description' ? cell.text : `${data.headers[i]}: ${cell.text}`);
    });
    if (extra.length) role.description = extra.join('\n');
    ctx.role(withoutOptional(title), role);
    added.push(withoutOptional(title));
  }
  return added;
}

// "Comms lead (optional)", "Scribe: optional, @rota": a role that need not be filled before T0.
const OPTIONAL = /\boptional\b|\bif (?:needed|available|required)\b|\bnice to have\b/i;

function withoutOptional(title: string): string {
  return title.replace(/\s*[([]\s*optional\s*[)\]]\s*/i, ' ').trim();
}

/** "yes", "✓", "required" -> true; "no", "optional" -> false; anything else: not an answer. */
function yesNo(text: string): boolean | undefined {
  const t = text.replace(/[*_`]/g, '').trim().toLowerCase();
  if (/^(?:yes|y|true|required|mandatory|must|✓|✔|✅|x)$/.test(t)) return true;
  if (/^(?:no|n|false|optional|-|—|✗|✘|❌)$/.test(t)) return false;
  return undefined;
}

const CONTACT_TOKEN = String.raw`(?:@[\w.-]+|#[\w-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d\s().-]{6,}\d|https?://\S+)`;
const CONTACT_ONLY = new RegExp(String.raw`^\x60?${CONTACT_TOKEN}\x60?(?:\s*(?:[,/|;]|or|and)\s*\x60?${CONTACT_TOKEN}\x60?)*$`, 'i');
const CONTACT_IN = new RegExp(String.raw`(?:^|[\s(<\x60])(${CONTACT_TOKEN})`, 'i');
// "Jane Doe", "Raj", "Ana de la Cruz": a person, not a sentence about the role.
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|la|le|del)){0,3}$/u;

/** What follows "Role:" in a roles list: a contact, a person (maybe with a contact), or duties. */
function roleValue(value: string): Partial<RoleDraft> {
  if (CONTACT_ONLY.test(value)) return { contact: value.replace(/`/g, '') };
  const withContact = /^(.+?)\s*(?:\(([^)]+)\)|<([^>]+)>|[,—–-]\s+(.+))$/.exec(value);
  const person = withContact?.[1]?.trim();
  const contact = (withContact?.[2] ?? withContact?.[3] ?? withContact?.[4])?.trim();
  if (person && contact && PERSON.test(person) && CONTACT_ONLY.test(contact)) return { name: person, contact: contact.replace(/`/g, '') };
  if (PERSON.test(value)) return { name: value };
  const found = CONTACT_IN.exec(value)?.[1];
  return { description: value, ...(found ? { contact: found } : {}) };
}

// Words that name a role: "On-call SRE", "Database Administrator", "CTO/VP Engineering".
export const ROLE_WORD = /\b(?:on-?call|dba|sre|ops|leads?|leadership|owners?|managers?|engineers?|eng|commanders?|ic|team|admin\w*|dev|developers?|qa|release|support|security|network|infra|operators?|scribe|comms|director|head|chief|cto|ceo|cio|ciso|vp|liaison|deputy|sme|experts?|specialist|architect|approver|coordinator|responder|analyst|executive|primary|secondary|backup)\b/i;

function entryTitleAndValue(text: string): { title: string; value?: string } {
  // The pattern rescans a run of whitespace from each of its positions: 360,000 spaces in one entry
  // took minutes. Runs are cut to 64 first (no title or value keeps such a run inside it), and a
  // line break, which `.` never matches, means no match, as before.
  const oneLine = !/[\n\r\u2028\u2029]/.test(text);
  const match = oneLine ? /^(.+?)(?::\s+|\s+[—–-]\s+)(.+)$/.exec(text.replace(/(\s{64})\s+/g, '$1')) : null;
  return { title: (match ? match[1] : text)?.trim() ?? '', ...(match?.[2] ? { value: match[2].trim() } : {}) };
}

/**
 * Whether a list under a roles heading lists roles: most entries name a role or give a person or a
 * contact. "Minor performance issues - <20% degradation" under "Escalation Before Rollback" does not.
 */
export function looksLikeRoleList(list: List): boolean {
  const roleLike = list.children.filter((entry) => {
    const first = entry.children[0];
    const { title, value } = entryTitleAndValue(first?.type === 'paragraph' ? inlineText(first.children, ' ') : '');
    if (ROLE_WORD.test(title)) return true;
    if (!value) return false;
    const read = isPlaceholder(value) ? {} : roleValue(value);
    return Boolean(read.name ?? read.contact) || isPlaceholder(value);
  });
  return roleLike.length * 2 > list.children.length;
}

/** "Incident Commander: @alice", "**DBA** — Bob", "Ops lead: executes changes" -> roles; returns titles. */
export function rolesFromList(list: List, ctx: ImportContext, required: boolean): string[] {
  const added: string[] = [];
  for (const entry of list.children) {
    const [first, ...rest] = entry.children;
    const text = first?.type === 'paragraph' ? inlineText(first.children, ' ') : '';
    const { title, value } = entryTitleAndValue(text);
    if (!title) continue;
    const optional = OPTIONAL.test(title) || (value !== undefined && OPTIONAL.test(value));
    const role: Partial<RoleDraft> = { required: required && !optional, ...(value && !isPlaceholder(value) ? roleValue(value) : {}) };
    const details = [role.description, ...rest.map((b) => blockText(b, ctx.source))].filter(Boolean);
    if (details.length) role.description = details.join('\n');
    ctx.role(withoutOptional(title), role);
    added.push(withoutOptional(title));
  }
  return added;
}

// "- **Name**: Jane", "- **Phone**: …", "- **Slack**: @jane": the fields of one person, a contact card.
const CARD_FIELD = /^(?:name|person|who|phone|mobile|cell|tel(?:ephone)?|e-?mail|slack|pager(?:duty)?|handle|contact|hours|availability|time ?zone|tz|backup|notes?)$/i;
const CARD_CONTACT = /^(?:phone|mobile|cell|tel(?:ephone)?|e-?mail|slack|pager(?:duty)?|handle|contact)$/i;
// "[Engineer Name]", "[Phone]": a template's blank.
const BRACKETED = /^\[[^\]]*\]$/;

function cardFields(list: List): Array<{ field: string; value: string }> | undefined {
  const fields = list.children.map((entry) => {
    const first = entry.children[0];
    const match = first?.type === 'paragraph' ? /^([^:]{1,20}):\s*(.*)$/.exec(inlineText(first.children, ' ')) : undefined;
    return match && CARD_FIELD.test((match[1] ?? '').trim()) ? { field: (match[1] ?? '').trim(), value: (match[2] ?? '').trim() } : undefined;
  });
  return fields.length >= 2 && fields.every(Boolean) ? (fields as Array<{ field: string; value: string }>) : undefined;
}

/** Whether a list is one person's contact card (Name, Phone, Slack…) rather than a list of roles. */
export function isContactCard(list: List): boolean {
  const fields = cardFields(list);
  return !!fields && fields.some((f) => /^(?:name|person|who)$/i.test(f.field) || CARD_CONTACT.test(f.field));
}

/** A contact card under "### Primary On-Call" is that role: name, contacts, and the rest as description. */
export function roleFromCard(list: List, title: string, ctx: ImportContext, required: boolean): string {
  const role: Partial<RoleDraft> = { required };
  const contacts: string[] = [];
  const notes: string[] = [];
  for (const { field, value } of cardFields(list) ?? []) {
    if (!value || isPlaceholder(value)) continue;
    // A blank to fill in stays as written, not as the person's name or contact.
    if (BRACKETED.test(value)) notes.push(`${field}: ${value}`);
    else if (/^(?:name|person|who)$/i.test(field)) role.name ??= value;
    else if (CARD_CONTACT.test(field)) contacts.push(`${field}: ${value}`);
    else if (/^backup$/i.test(field)) role.backup = value;
    else notes.push(`${field}: ${value}`);
  }
  if (contacts.length) role.contact = contacts.join(', ');
  if (notes.length) role.description = notes.join('\n');
  return ctx.role(withoutOptional(title), role);
}
