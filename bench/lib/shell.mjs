// POSIX shell quoting (tmux's command parser reads single quotes the same way).

export function shellQuote(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}
