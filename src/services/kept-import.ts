// A module import kept once it has loaded. Node checks a module's file on disk at every import()
// of it, even of a module already loaded, so a cutover upgraded or rebuilt while a long TUI
// session runs would fail the next lazy import (an export at the end of the night). Kept, a
// module loaded once (the TUI loads them after its first frame) never needs its file again.
export function keptImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    if (!loaded) {
      loaded = load();
      loaded.catch(() => (loaded = undefined)); // a failed load is tried again next time
    }
    return loaded;
  };
}
