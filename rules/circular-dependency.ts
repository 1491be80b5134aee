import { templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports resources that depend on each other in a cycle (through Ref, Fn::GetAtt, Fn::Sub variables
 * and DependsOn): CloudFormation cannot order them and rejects the template ("Circular dependency
 * between resources"). One finding per cycle (strongly connected component), on its first resource in
 * template order; linear in the size of the template (Tarjan's algorithm, iterative).
 */
export const rule: Rule = {
  meta: {
    id: 'circular-dependency',
    severity: 'error',
    category: 'template',
    description: 'Disallow circular dependencies among resources',
    cfnLint: ['E3004'],
    options: {},
    messages: {
      cycle: 'circular dependency between resources: {{cycle}}',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        const ids = [...refs.resources.keys()];
        const index = new Map(ids.map((id, i) => [id, i]));
        const edges: number[][] = ids.map(() => []);
        for (const r of refs.targets) {
          if (r.from === undefined) continue;
          const from = index.get(r.from);
          const to = index.get(r.target);
          if (from !== undefined && to !== undefined) edges[from].push(to);
        }
        for (const component of cyclicComponents(edges)) {
          const cycle = cycleThrough(component.reduce((a, b) => Math.min(a, b)), new Set(component), edges);
          context.report({
            path: ['Resources', ids[cycle[0]]],
            key: true,
            messageId: 'cycle',
            data: { cycle: cycleText(cycle.map((i) => ids[i])) },
          });
        }
      },
    };
  },
};

const SHOWN = 8;

/** `A → B → C → A`; a long cycle shows its first resources and its length. */
function cycleText(cycle: readonly string[]): string {
  if (cycle.length <= SHOWN + 1) return [...cycle, cycle[0]].join(' → ');
  return `${[...cycle.slice(0, SHOWN), '…', cycle[0]].join(' → ')} (${cycle.length} resources)`;
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
