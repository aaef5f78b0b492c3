// A private tmux server (its own -L socket, no user config) driven through one control-mode
// client: polling capture-pane every few milliseconds then costs a line on a pipe, not a process
// spawn competing with the process being measured. Panes live in a detached session of a fixed
// size; a watchdog window kills the server if this process dies without stopping it.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { shellQuote } from './shell.mjs';


export class Tmux {
  #pending = [];
  #block;
  #attachedNow;
  #attached = new Promise((resolve) => {
    this.#attachedNow = resolve;
  });

  /** Starts the server and its control client. */
  static async start({ width = 100, height = 30 } = {}) {
    const socket = `cutover-bench-${process.pid}-${Date.now().toString(36)}`;
    const watchdog = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; tmux -L ${socket} kill-server`;
    const setup = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'ctl', '-x', '80', '-y', '24', watchdog,
      ';', 'set', '-g', 'remain-on-exit', 'on', ';', 'set', '-g', 'status', 'off',
      ';', 'new-session', '-d', '-s', 'bench', '-x', String(width), '-y', String(height), watchdog], { encoding: 'utf8' });
    if (setup.status !== 0) throw new Error(`tmux did not start: ${setup.stderr.trim() || setup.error?.message}`);
    const tmux = new Tmux(socket, spawn('tmux', ['-L', socket, '-C', 'attach', '-t', 'ctl'], { stdio: ['pipe', 'pipe', 'inherit'] }));
    // A command that reaches the server before the attach is done fails with "no current client".
    await Promise.race([tmux.#attached, sleep(5000)]);
    await tmux.command('refresh-client', '-f', 'no-output');
    [tmux.socketPath] = await tmux.command('display', '-p', '-t', 'ctl:', '#{socket_path}');
    // Interrupted (bench/run.mjs past its time limit, or Ctrl-C): take the server down too.
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
      process.once(signal, () => {
        tmux.stop();
        process.exit(code);
      });
    }
    return tmux;
  }

  constructor(socket, client) {
    this.socket = socket;
    this.client = client;
    createInterface({ input: client.stdout }).on('line', (line) => this.#onLine(line));
    client.on('exit', () => this.#failAll(new Error('the tmux control client exited')));
  }

  #onLine(line) {
    const mark = /^%(begin|end|error) \d+ (\d+) (\d+)$/.exec(line);
    if (mark?.[1] === 'begin') this.#block = { number: mark[2], mine: mark[3] === '1', lines: [] };
    else if (mark && this.#block?.number === mark[2]) {
      const block = this.#block;
      this.#block = undefined;
      if (!block.mine) return this.#attachedNow(); // the reply to the attach itself
      const waiter = this.#pending.shift();
      if (mark[1] === 'end') waiter?.resolve(block.lines);
      else waiter?.reject(new Error(`tmux: ${block.lines.join(' ')}`));
    } else if (this.#block) this.#block.lines.push(line);
    else if (line.startsWith('%exit')) this.#failAll(new Error('the tmux server went away'));
  }

  #failAll(error) {
    for (const waiter of this.#pending.splice(0)) waiter.reject(error);
  }

  /** Runs one tmux command; resolves with its output lines. */
  command(...words) {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.client.stdin.write(`${words.map(shellQuote).join(' ')}\n`);
    });
  }

  /** Opens a window in the bench session running `shellCommand`; returns its pane id. */
  async open(shellCommand, { cwd, env = {} } = {}) {
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    const [pane] = await this.command('new-window', '-d', '-t', 'bench:', '-P', '-F', '#{pane_id}', ...(cwd ? ['-c', cwd] : []), ...envArgs, shellCommand);
    return pane;
  }

  async screen(pane) {
    return (await this.command('capture-pane', '-p', '-t', pane)).join('\n');
  }

  /** Polls the pane until `test(screen)` holds; returns the moment it did (performance.now()). */
  async waitFor(pane, test, { what = 'the expected screen', timeoutMs = 20_000, intervalMs = 5 } = {}) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen(pane);
      const at = performance.now();
      if (test(screen)) return { at, screen };
      if (at > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen shows:\n${screen}`);
      await sleep(intervalMs);
    }
  }

  /** tmux key names: 'Enter', 'Escape', 'Tab', 'C-c', or literal text such as '?'. */
  async keys(pane, ...keys) {
    await this.command('send-keys', '-t', pane, ...keys);
  }

  async close(pane) {
    await this.command('kill-window', '-t', pane);
  }

  /** Kills the whole server (and everything still running in it). */
  stop() {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    this.client.stdin.end();
    this.client.kill();
    if (this.socketPath) rmSync(this.socketPath, { force: true });
  }
}
