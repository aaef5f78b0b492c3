// Which keys the checklist schema allows at a given path, read from the zod schema itself so that
// "did you mean" suggestions can never drift from the format.
import type { PathSegment } from './diagnostic.js';

interface Def {
  type: string;
  innerType?: SchemaLike;
  in?: SchemaLike;
  element?: SchemaLike;
  options?: SchemaLike[];
  shape?: Record<string, SchemaLike>;
  entries?: Record<string, string | number>;
}
export interface SchemaLike {
  _zod: { def: unknown };
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: SchemaLike): Def {
  let def = schema._zod.def as Def;
  for (;;) {
    const inner = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!inner) return def;
    def = inner._zod.def as Def;
  }
}

function child(schema: SchemaLike, segment: PathSegment): SchemaLike | undefined {
  const def = unwrap(schema);
  if (def.type === 'object' && typeof segment === 'string') return def.shape?.[segment];
  if (def.type === 'array' && typeof segment === 'number') return def.element;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const found = child(option, segment);
      if (found) return found;
    }
  }
  return undefined;
}

function objectKeys(schema: SchemaLike): string[] | undefined {
  const def = unwrap(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return (def.options ?? []).map(objectKeys).find((keys) => keys !== undefined);
  return undefined;
}

function schemaAt(root: SchemaLike, path: readonly PathSegment[]): SchemaLike | undefined {
  let schema: SchemaLike | undefined = root;
  for (const segment of path) {
    schema = schema && child(schema, segment);
  }
  return schema;
}

/** The allowed keys of the object at `path`, or [] when the path does not lead to an object. */
export function allowedKeys(root: SchemaLike, path: readonly PathSegment[]): string[] {
  const schema = schemaAt(root, path);
  return (schema && objectKeys(schema)) ?? [];
}

/** The values allowed at `path` when it is a choice (a section's kind), else []. */
export function allowedValues(root: SchemaLike, path: readonly PathSegment[]): string[] {
  const schema = schemaAt(root, path);
  const def = schema && unwrap(schema);
  return def?.type === 'enum' ? Object.values(def.entries ?? {}).map(String) : [];
}
