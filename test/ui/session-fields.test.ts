// The new-session form's variable fields: a variable named like a secret is masked like a
// declared one, and no secret's default is ever shown.
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { sessionFields } from '../../src/ui/screens/new-session/session-fields.js';

const parsed = parseChecklistText(JSON.stringify({
  id: 'vars', title: 'Vars', version: '1',
  variables: [
    { name: 'region', default: 'eu-west-1' },
    { name: 'db_password', default: 'hunter2-default' },
    { name: 'api_key', secret: true },
  ],
  sections: [{ id: 'smoke', title: 'Smoke', kind: 'smoke', items: [{ id: 'a', title: 'A', run: 'echo {{region}} {{db_password}} {{api_key}}' }] }],
}), 'vars.json');

describe('session fields', () => {
  it('masks declared and secret-named variables, and never shows a secret default', () => {
    if (!parsed.ok) throw new Error('fixture does not parse');
    const fields = Object.fromEntries(sessionFields(parsed.checklist).map((f) => [f.id, f]));
    expect(fields['var:region']).toMatchObject({ placeholder: 'eu-west-1 (default)' });
    expect(fields['var:region']?.mask).toBeFalsy();
    expect(fields['var:db_password']).toMatchObject({ mask: true, placeholder: '(default set)' });
    expect(fields['var:db_password']?.hint).toContain('secret: redacted from the evidence');
    expect(fields['var:api_key']).toMatchObject({ mask: true });
  });
});
