// Intl.Segmenter for the terminal libraries Ink draws with (string-width, slice-ansi,
// ansi-tokenize), which split every string on screen into grapheme clusters. The build swaps it
// in for `Intl.Segmenter` in the bundle (scripts/build.mjs).
//
// Most of what the TUI draws is ASCII, box lines, arrows and punctuation, where every code unit is
// a cluster of its own: those strings are split here directly. Anything else goes to the real
// Intl.Segmenter, created on first need: creating the first one costs ~13 ms (ICU builds its list
// of locales), which the first frame no longer pays.

/**
 * Characters that are always a grapheme cluster of their own, whatever their neighbours: ASCII
 * but CR (CR LF is one cluster), Latin-1, and symbol blocks with no combining or joining
 * characters (no ZWJ, no variation selectors, no marks). test/ui/fast-segmenter.test.ts checks
 * every one of them against Intl.Segmenter.
 */
const OWN_CLUSTERS = /^[\x00-\x0C\x0E-\x7E\u00A0-\u00FF\u2010-\u2027\u2030-\u205E\u2190-\u23FF\u2500-\u27BF]*$/;

/** Whether `text` takes the fast path: every code unit a cluster of its own. */
export const splitsByCodeUnit = (text: string): boolean => OWN_CLUSTERS.test(text);

interface Segment {
  segment: string;
  index: number;
  input: string;
}

interface Segments extends Iterable<Segment> {
  containing(index?: number): Segment | undefined;
}

function codeUnitSegments(input: string): Segments {
  return {
    containing(index = 0) {
      const at = Math.trunc(Number(index));
      return at >= 0 && at < input.length ? { segment: input.charAt(at), index: at, input } : undefined;
    },
    *[Symbol.iterator]() {
      for (let index = 0; index < input.length; index++) yield { segment: input.charAt(index), index, input };
    },
  };
}

export class FastSegmenter {
  private real?: Intl.Segmenter;
  private readonly graphemes: boolean;

  constructor(
    private readonly locales?: string | string[],
    private readonly options?: Intl.SegmenterOptions,
  ) {
    this.graphemes = (options?.granularity ?? 'grapheme') === 'grapheme';
  }

  segment(input: string): Segments | Intl.Segments {
    if (this.graphemes && splitsByCodeUnit(input)) return codeUnitSegments(input);
    return this.intl().segment(input);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.intl().resolvedOptions();
  }

  private intl(): Intl.Segmenter {
    // globalThis.Intl: the build replaces `Intl.Segmenter` with this class everywhere else.
    this.real ??= new globalThis.Intl.Segmenter(this.locales, this.options);
    return this.real;
  }
}
