// A step's annotations (step-annotations.ts) -> its `owner`, `timeout` and `at`. What a field
// cannot say is kept in the description: a second owner, that a time was an estimate, and the
// time of a manual step (a timeout applies only to a command).
import type { ImportContext } from './context.js';
import { ownerRole } from './owner-roles.js';
import { durationText, type Annotations } from './annotation-parts.js';

export interface AnnotationFields {
  owner?: string;
  timeout?: string;
  at?: string;
}

/**
 * The fields the annotations fill; lines saying what they cannot hold are added to `description`.
 * A command's `timeout` kills it. "~5 min" says how long the step usually takes, so a command gets
 * twice that, never less than a minute; a limit ("Timeout: 5m", "up to 10 min") is taken as written.
 */
export function annotationFields(annotations: Annotations, runs: boolean, ctx: ImportContext, description: string[]): AnnotationFields {
  const fields: AnnotationFields = {};
  const [owner, ...others] = annotations.owners;
  if (owner) fields.owner = ownerRole(owner, ctx);
  if (others.length) description.push(`Owners: ${annotations.owners.join(', ')}`);
  if (annotations.at) fields.at = annotations.at;
  const duration = annotations.duration;
  if (!duration) return fields;
  if (!runs) {
    // "Wait for the exports (10 min)" says it in its title already.
    if (!annotations.durationInTitle) description.push(`${duration.estimate ? 'Estimated time' : 'Time limit'}: ${duration.written}`);
    return fields;
  }
  fields.timeout = duration.estimate ? durationText(Math.max(60, duration.seconds * 2)) : duration.value;
  if (duration.estimate) description.push(`Estimated time: ${duration.written} (timeout ${fields.timeout}: twice the estimate, so a slow run is not cut short)`);
  return fields;
}
