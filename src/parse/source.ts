/** Source positions: 1-based line and column, 0-based offset, shared by the YAML and JSON readers. */

/** A position in a template's text. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range `[start, end)` in a template's text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Maps offsets to line:column by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The position of `offset`. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
  }

  /** The range `[start, end)`. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /**
   * The range `[start, end)`, its positions worked out when read: the readers give every node one,
   * and only the few that findings point at are ever read (a third of the memory of eager ranges).
   */
  span(start: number, end: number): Range {
    return new Span(this, start, Math.max(start, end));
  }
}

class Span implements Range {
  constructor(
    private readonly lines: LineIndex,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get start(): Position {
    return this.lines.position(this.from);
  }

  get end(): Position {
    return this.lines.position(this.to);
  }
}
