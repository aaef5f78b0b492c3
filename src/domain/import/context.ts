// What an import collects besides sections: roles, variables, links, severity levels and rules,
// the evidence template, and notes on what was kept only as description.
import type { RecommendationKind, SectionKindName } from '../checklist-schema.js';
import { IdRegistry, slugify } from './ids.js';
import { levelKey, type ParsedCondition } from './severity.js';
import { clearerRuleText, sameRule } from './rule-dedupe.js';
import type { SectionOut } from './section-builder.js';

export interface RoleDraft {
  id: string;
  title: string;
  required: boolean;
  description?: string;
  name?: string;
  contact?: string;
  backup?: string;
}

export interface LevelDraft {
  id: string;
  title: string;
  description?: string;
  criteria: string[];
}

export interface RuleDraft {
  id: string;
  text: string;
  condition?: ParsedCondition;
  recommend: RecommendationKind;
  unless?: string;
  /** The rule in the runbook's words, without a label or section name: to find the same rule twice. */
  said?: string;
}

export interface VariableDraft {
  name: string;
  description: string;
}

export interface LinkDraft {
  title: string;
  url: string;
}

export class ImportContext {
  readonly roles = new Map<string, RoleDraft>();
  readonly levels: LevelDraft[] = [];
  readonly rules: RuleDraft[] = [];
  readonly variables = new Map<string, VariableDraft>();
  readonly links: LinkDraft[] = [];
  readonly evidenceTemplate: string[] = [];
  /** Blocks kept only as description text, e.g. "yaml block in 'Alerts'". */
  readonly keptAsDescription: string[] = [];
  /** Other things worth telling the user (repairs, skipped blank rows...). */
  readonly notices: string[] = [];
  /** Section ids by kind, to resolve rules such as "any gate failure". */
  readonly sectionsByKind = new Map<SectionKindName, string[]>();
  /** Sections made of step tables (a Phase column's phases, a Rollback column), each to follow section `after`. */
  readonly tableSections: Array<{ after: string; section: SectionOut }> = [];
  readonly itemIds = new IdRegistry();
  readonly sectionIds = new IdRegistry();
  readonly ruleIds = new IdRegistry();
  blankRows = 0;
  /** "RM = release manager" from a legend: expands role titles written as abbreviations. */
  readonly abbreviations = new Map<string, string>();

  /** `source` is the markdown text the node positions refer to. */
  constructor(readonly source: string) {}

  /** Declares a role (or fills in the blanks of the one with the same id) and returns its id. */
  role(title: string, fields: Partial<Omit<RoleDraft, 'id' | 'title'>> = {}): string {
    const id = slugify(title, 6) || 'role';
    const existing = this.roles.get(id);
    if (!existing) {
      this.roles.set(id, { id, title, required: false, ...fields });
      return id;
    }
    if (fields.required) existing.required = true;
    for (const key of ['description', 'name', 'contact', 'backup'] as const) {
      if (fields[key] !== undefined && existing[key] === undefined) existing[key] = fields[key];
    }
    return id;
  }

  /** Reads "Legend: RM = release manager, SRE = site reliability"; true when it was one. */
  legend(text: string): boolean {
    const body = /^(?:legend|key|abbreviations|glossary)\s*:\s*(.+)$/i.exec(text.trim())?.[1];
    if (!body) return false;
    for (const pair of body.split(/[,;]\s*/)) {
      const match = /^([A-Z][A-Za-z0-9&/]{0,9})\s*(?:=|:|—|–|-)\s*(.+?)\.?$/.exec(pair.trim());
      if (match) this.abbreviations.set((match[1] as string).toLowerCase(), (match[2] as string).trim());
    }
    return this.abbreviations.size > 0;
  }

  /** "RM" -> "Release manager (RM)" when a legend says so. */
  expandTitle(title: string): string {
    const long = this.abbreviations.get(title.toLowerCase());
    return long ? `${long.charAt(0).toUpperCase()}${long.slice(1)} (${title})` : title;
  }

  findLevel(id: string): LevelDraft | undefined {
    return this.levels.find((l) => levelKey(l.id) === levelKey(id));
  }

  level(id: string, title: string): LevelDraft {
    const existing = this.findLevel(id);
    if (existing) return existing;
    const level: LevelDraft = { id, title, criteria: [] };
    this.levels.push(level);
    return level;
  }

  /**
   * `idFrom`: the words the id is made of (default the text). A rule that says what an earlier one
   * says (a severity table's "SEV1 | Rollback" row and "Any SEV1 => rollback" below it) is not
   * added again: the clearer of the two texts is kept. True when the rule was added.
   */
  rule(text: string, recommend: RecommendationKind, condition?: ParsedCondition, unless?: string, idFrom = text): boolean {
    const draft = { text, recommend, ...(condition ? { condition } : {}), ...(unless ? { unless } : {}), said: idFrom };
    const same = this.rules.find((rule) => sameRule(rule, draft));
    if (same) {
      const kept = clearerRuleText(same.text, text);
      this.notices.push(`rule "${kept === text ? same.text : text}" says the same as "${kept}": imported once`);
      same.text = kept;
      return false;
    }
    this.rules.push({ id: this.ruleIds.take(slugify(idFrom, 5), 'rule'), ...draft });
    return true;
  }

  variable(name: string, placeholder: string): void {
    if (!this.variables.has(name)) this.variables.set(name, { name, description: `Fills ${placeholder} in the runbook's commands` });
  }

  keep(what: string, where: string): void {
    this.keptAsDescription.push(`${what} in "${where}"`);
  }
}
