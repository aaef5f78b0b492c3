// Entry point of the `cutover` binary: argument parsing only. Each command's module is imported
// lazily so that `cutover validate` never pays for loading ink and react.
import { Command, CommanderError, Option } from 'commander';
import { CutoverError, EXIT } from '../domain/errors.js';
import { tolerateClosedOutput } from './closed-output.js';
import { handleFatal } from './fatal.js';
import { checkCommandName, useOneLineUsageErrors } from './usage-errors.js';

const VERSION = process.env.CUTOVER_VERSION ?? '0.0.0-dev';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function evidenceDirOption(): Option {
  return new Option('--evidence-dir <dir>', 'where evidence files live (default $CUTOVER_EVIDENCE_DIR, else ./evidence)');
}

/** Global options may come before or after the subcommand: `cutover run x --evidence-dir d` works. */
function withGlobals(program: Command, opts: Record<string, unknown>): Record<string, unknown> & { evidenceDir: string } {
  const evidenceDir = (opts.evidenceDir ?? program.opts().evidenceDir ?? (process.env.CUTOVER_EVIDENCE_DIR || './evidence')) as string;
  // An empty value (an unset shell variable: --evidence-dir "$DIR") would scatter evidence into the working directory.
  if (!evidenceDir.trim()) throw new CutoverError('the evidence directory is empty', EXIT.usage, 'give --evidence-dir DIR (or CUTOVER_EVIDENCE_DIR) a folder, or leave it out for ./evidence');
  // A quoted "~/evidence" reaches us unexpanded: it would make a folder named "~" here, shown as if it were home.
  if (/^~[^/]*(\/|$)/.test(evidenceDir)) {
    throw new CutoverError(`the evidence directory "${evidenceDir}" starts with ~, which the shell did not expand`, EXIT.usage, 'write $HOME instead of ~ (a shell expands ~ only unquoted, at the start of a word: not in "~/x" or --evidence-dir=~/x)');
  }
  return { ...opts, evidenceDir };
}

export function buildProgram(): Command {
  const program = new Command('cutover')
    .description('Walk a production cutover runbook and record hash-chained evidence.')
    .version(VERSION, '-V, --version')
    .addOption(evidenceDirOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 ok; 1 a check failed, a checklist is invalid, evidence is tampered, or an -o already\n' +
        'exists; 2 a usage error or unreadable input. Environment: CUTOVER_EVIDENCE_DIR, CUTOVER_CHECKLISTS\n' +
        '(more checklist folders), CUTOVER_ENV (the default --env of run), NO_COLOR. `cutover <command> --help`\n' +
        'shows a command\'s options.',
    )
    .exitOverride();

  program.action(async () => {
    const { homeCommand } = await import('./commands/home.js');
    await homeCommand(withGlobals(program, {}));
  });

  program
    .command('open <checklist>')
    .addOption(evidenceDirOption())
    .description('start a session on a checklist in the TUI')
    .option('--drill', 'rehearsal: DRILL banner, destructive items refused')
    .option('--allow-destructive', 'allow destructive items in a drill')
    .option('--inject <item>', 'drill: inject the fault declared by this item', collect)
    .option('--ticket <id>', 'change or incident ticket id')
    .option('--env <name>', 'environment (e.g. production)')
    .option('--operator <name>', 'operator name (default: login name)')
    .option('--var <k=v>', 'checklist variable, repeatable', collect)
    .action(async (checklist: string, opts) => {
      const { openCommand } = await import('./commands/open.js');
      await openCommand(checklist, withGlobals(program, opts));
    });

  program
    .command('resume [evidence]')
    .addOption(evidenceDirOption())
    .description('continue an unfinished session (the most recent one if no file is given)')
    .option('--var <k=v>', 'secret variables are never stored: give them again here', collect)
    .option('--operator <name>', 'operator name (default: the one recorded)')
    .option('--allow-destructive', 'allow destructive items in a drill')
    .option('--recover', 'for a damaged file: write a copy holding its intact events, beside it, and resume that')
    .action(async (evidence: string | undefined, opts) => {
      const { resumeCommand } = await import('./commands/resume.js');
      await resumeCommand(evidence, withGlobals(program, opts));
    });

  program
    .command('list')
    .addOption(evidenceDirOption())
    .description('bundled and local checklists, and unfinished sessions')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      const { listCommand } = await import('./commands/list.js');
      await listCommand(withGlobals(program, opts));
    });

  program
    .command('validate <checklist...>')
    .description('check checklists against the schema and lint them')
    .option('--json', 'machine-readable diagnostics')
    .action(async (files: string[], opts) => {
      const { validateCommand } = await import('./commands/validate.js');
      await validateCommand(files, opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the checklist format')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      await schemaCommand();
    });

  program
    .command('import <runbook>')
    .description('turn a markdown runbook into a checklist')
    .option('-o, --output <file>', 'write here (.yaml or .json) instead of stdout')
    .option('--id <id>', 'checklist id (default: from the file name)')
    .option('--force', 'replace an existing -o file')
    .action(async (runbook: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      await importCommand(runbook, opts);
    });

  program
    .command('run <checklist>')
    .addOption(evidenceDirOption())
    .description('run every automated item unattended and record evidence')
    .option('--headless', 'required: run without the TUI')
    .option('--section <id>', 'only this section, repeatable', collect)
    .option('--var <k=v>', 'checklist variable, repeatable', collect)
    .option('--ticket <id>', 'change or incident ticket id (default: headless-<date>)')
    .option('--env <name>', 'environment (default: $CUTOVER_ENV, else "unspecified")')
    .option('--operator <name>', 'operator name (default: login name)')
    .option('--drill', 'record as a drill; the exit code is the drill\'s result (0 passed)')
    .option('--allow-destructive', 'run destructive items unattended (without it they are refused, recorded, and count as failed)')
    .option('--confirm-requirements', "confirm a roll-forward's `requires.text` for this unattended run (without it the section stays locked)")
    .option('--inject <item>', 'drill only: inject the fault declared by this item before running it', collect)
    .option('--json', 'print one JSON object instead of the table')
    .addHelpText(
      'after',
      '\nItems without a `run` are manual: recorded as not run. Sections whose `requires` are not met\n' +
        'are not entered (recorded, counted as failed); the `text` requirements of a roll-forward are\n' +
        'confirmed only with --confirm-requirements. Ctrl-C, SIGTERM or SIGHUP (a dropped SSH session)\n' +
        'cancels the running command, records it and closes the session (exit 130 / 143 / 129).\n' +
        'Exit: 0 every check passed, 1 any failed, 2 usage or invalid checklist.',
    )
    .action(async (checklist: string, opts) => {
      const { runCommand } = await import('./commands/run.js');
      await runCommand(checklist, withGlobals(program, opts));
    });

  program
    .command('export <evidence>')
    .description('write the incident package (folder, or .tar.gz)')
    .option('-o, --output <path>', 'a directory, or a file ending in .tar.gz')
    .action(async (evidence: string, opts) => {
      const { exportCommand } = await import('./commands/export.js');
      await exportCommand(evidence, opts);
    });

  program
    .command('verify <evidence>')
    .description('check the hash chain, run logs and SHA256SUMS of an evidence file, folder or .tar.gz')
    .option('--json', 'machine-readable result')
    .action(async (target: string, opts) => {
      const { verifyCommand } = await import('./commands/verify.js');
      await verifyCommand(target, opts);
    });

  program
    .command('report <evidence>')
    .description('print the markdown report of a session')
    .action(async (evidence: string) => {
      const { reportCommand } = await import('./commands/report.js');
      await reportCommand(evidence);
    });

  program
    .command('drills <checklist>')
    .addOption(evidenceDirOption())
    .description('history of timed drills of a checklist')
    .option('--json', 'machine-readable output')
    .action(async (checklistId: string, opts) => {
      const { drillsCommand } = await import('./commands/drills.js');
      await drillsCommand(checklistId, withGlobals(program, opts));
    });

  useOneLineUsageErrors(program);
  return program;
}

async function main(given: string[]): Promise<void> {
  tolerateClosedOutput();
  // `cutover help [command]` is `cutover [command] --help`.
  const argv = given[2] === 'help' ? [...given.slice(0, 2), ...given.slice(3), '--help'] : given;
  const program = buildProgram();
  try {
    checkCommandName(program, argv);
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every other parse error is a usage error
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exitCode = ok ? EXIT.ok : EXIT.usage;
      return;
    }
    handleFatal(error);
  }
}

void main(process.argv);

export { CutoverError };
