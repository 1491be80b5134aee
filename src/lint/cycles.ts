/**
 * Cycles in a dependency graph (resources through Ref / GetAtt / Sub / DependsOn, conditions through
 * the Condition function), for the rules that report them.
 */

const SHOWN = 8;

/** `A → B → C → A`; a long cycle shows its first members and its length (`(12 resources)`). */
export function cycleText(cycle: readonly string[], noun: string): string {
  if (cycle.length <= SHOWN + 1) return [...cycle, cycle[0]].join(' → ');
  return `${[...cycle.slice(0, SHOWN), '…', cycle[0]].join(' → ')} (${cycle.length} ${noun})`;
}

/**
 * One cycle per strongly connected component of the graph over `ids` that holds a cycle: the shortest
 * cycle through the component's first node in `ids` order, as ids starting at that node. `links` are
 * the edges as [from, to] ids (`from` depends on `to`); links naming an id outside `ids` are ignored.
 * Linear in the size of the graph, plus a breadth-first search per cycle.
 */
export function findCycles(ids: readonly string[], links: Iterable<readonly [string | undefined, string]>): string[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: number[][] = ids.map(() => []);
  for (const [fromId, toId] of links) {
    const from = fromId === undefined ? undefined : index.get(fromId);
    const to = index.get(toId);
    if (from !== undefined && to !== undefined) edges[from].push(to);
  }
  return cyclicComponents(edges).map((component) => cycleThrough(component.reduce((a, b) => Math.min(a, b)), new Set(component), edges).map((i) => ids[i]));
}

/**
 * The strongly connected components of the graph that hold a cycle (more than one node, or one node
 * with an edge to itself), by Tarjan's algorithm without recursion.
 */
function cyclicComponents(edges: readonly number[][]): number[][] {
  const n = edges.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const frames: Array<{ node: number; next: number }> = [];
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    frames.push({ node: root, next: 0 });
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const v = frame.node;
      if (frame.next < edges[v].length) {
        const w = edges[v][frame.next++];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ node: w, next: 0 });
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1].node;
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== order[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges[v].includes(v)) out.push(component);
    }
  }
  return out;
}

/** A shortest cycle from `start` back to itself inside `members` (breadth-first), as the list of its nodes. */
function cycleThrough(start: number, members: ReadonlySet<number>, edges: readonly number[][]): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of edges[v]) {
      if (w === start) {
        const path = [v];
        for (let u = v; u !== start; ) path.push((u = parent.get(u)!));
        return path.reverse();
      }
      if (!members.has(w) || parent.has(w)) continue;
      parent.set(w, v);
      queue.push(w);
    }
  }
  return [start];
}
