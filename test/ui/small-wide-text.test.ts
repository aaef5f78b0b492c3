// Wide characters (CJK, full-width forms, emoji) in checklist titles and notes: the TUI measures
// them as the terminal draws them (two columns), so cuts, wraps, table columns and the text cursor
// stay where they belong on a small terminal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import stringWidth from 'string-width';
import { fitRows, truncate, wrapText } from '../../src/ui/format.js';
import { Table } from '../../src/ui/widgets/table.js';
import { visibleWindow } from '../../src/ui/widgets/text-input/text-input.js';
import { textInputReducer } from '../../src/ui/widgets/text-input/use-text-input-state.js';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

const WIDE_CHECKLIST = `
id: wide
title: "支付数据库切换 🚀 Payments DB cutover"
version: "1"
sections:
  - id: smoke
    title: "冒烟检查 🔥 Smoke checks"
    kind: smoke
    items:
      - { id: a, title: "健康检查端点返回正常 ✅ health endpoint", run: "echo ok", expect: { contains: ok } }
      - { id: b, title: "👩‍💻 operator checks the 仪表盘 dashboards", evidence: true }
`;

describe('measuring', () => {
  it('cuts and wraps by columns, between whole characters', () => {
    expect(truncate('日本語テキスト', 7)).toBe('日本語…');
    expect(truncate('👩‍💻👩‍💻 ok', 4)).toBe('👩‍💻…');
    const lines = wrapText('支付数据库 切换 payments 数据库只读副本同步延迟', 10);
    expect(lines.every((line) => stringWidth(line) <= 10)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe('支付数据库切换payments数据库只读副本同步延迟');
    expect(fitRows(['ok 👩‍💻', 'b'], 1)).toEqual(['ok …']);
  });

  it('a table keeps its columns aligned around wide titles', () => {
    const data = [
      { role: '发布负责人 Release lead', req: 'yes', status: 'MISSING' },
      { role: 'Ops on-call', req: 'yes', status: 'MISSING' },
    ];
    for (const width of [80, 40]) {
      const frame = render(createElement(Table, { data, width })).lastFrame() ?? '';
      const at = frame.split('\n').slice(1).map((line) => stringWidth(line.slice(0, line.indexOf('yes'))));
      expect(new Set(at).size).toBe(1);
      expect(frame.split('\n').every((line) => stringWidth(line) <= width)).toBe(true);
    }
  });

  it('a text field deletes and steps over an emoji as one character, and scrolls by columns', () => {
    let state = { value: '', cursor: 0 };
    state = textInputReducer(state, { type: 'insert', text: 'ok 👩‍💻' });
    state = textInputReducer(state, { type: 'backspace' });
    expect(state).toEqual({ value: 'ok ', cursor: 3 });
    state = textInputReducer(state, { type: 'insert', text: '🚀x' });
    state = textInputReducer(state, { type: 'left' });
    state = textInputReducer(state, { type: 'left' });
    expect(state.cursor).toBe(3);
    const value = '数据库只读副本同步延迟';
    const shown = visibleWindow(value, value.length, 10);
    expect(stringWidth(shown.text) + 1).toBeLessThanOrEqual(10);
    expect(shown.text.endsWith('延迟')).toBe(true);
    expect(shown.cursor).toBe(shown.text.length);
  });
});

describe('on a small terminal', () => {
  async function openWide(columns: number, rows: number) {
    const path = join(tempEvidenceDir(), 'wide.yaml');
    writeFileSync(path, WIDE_CHECKLIST);
    const session = await startSession(tempEvidenceDir(), { checklistPath: path });
    sessions.push(session);
    const ui = renderTui({ session, columns, rows });
    await ui.waitFor('◀ 1/1 ▶');
    return ui;
  }

  it('a mark dialog over a wide title still ends in the word that says what the mark is', async () => {
    const ui = await openWide(40, 12);
    await ui.press('p');
    const frame = await ui.waitFor('Mark "');
    expect(frame).toMatch(/Mark "健康检查端点[^"]*…" pass/);
    expect(frame.split('\n').every((line) => stringWidth(line) <= 40)).toBe(true);
  });

  it('the header stays one line at 20 columns', async () => {
    const ui = await openWide(20, 8);
    const frame = await ui.waitFor((f) => f.split('\n').every((line) => stringWidth(line) <= 20));
    expect(frame.split('\n')[0]).toMatch(/T0 not marked$/);
    expect(frame.split('\n')[1]).toContain('◀ 1/1 ▶');
  });
});
