// Driving the real binary in a real terminal: tmux on a private socket, keys in, screen out.
import { execFileSync, spawnSync } from 'node:child_process';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

export class Tmux {
  readonly socket = `cutover-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly target = 'main';

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  start(command: string, options: { cwd: string; columns?: number; rows?: number; env?: Record<string, string> }): void {
    const env = Object.entries(options.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.tmux(['new-session', '-d', '-s', this.target, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), '-c', options.cwd, ...env, command]);
  }

  /** The visible screen as text (with escape sequences when `escapes`). */
  capture(escapes = false): string {
    return this.tmux(['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.target]);
  }

  keys(...keys: string[]): void {
    for (const key of keys) this.tmux(['send-keys', '-t', this.target, key]);
  }

  /** Several keys in one write, as a laggy SSH link delivers keys typed ahead. */
  keysAtOnce(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  type(text: string): void {
    this.tmux(['send-keys', '-t', this.target, '-l', text]);
  }

  async waitFor(check: string | RegExp | ((screen: string) => boolean), timeoutMs = 30_000): Promise<string> {
    const test = typeof check === 'function' ? check : (s: string) => (typeof check === 'string' ? s.includes(check) : check.test(s));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(check)}; screen:\n${screen}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
