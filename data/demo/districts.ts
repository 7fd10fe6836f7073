// Groups communes into districts: weighted nearest-seed assignment, then repairs so that every district
// is contiguous (through shared edges) and has at least a minimum number of communes.
import { distKm, edgeKeys, type Area, type Pos } from './geometry';

export const MIN_COMMUNES_PER_DISTRICT = 6;
const KMEANS_ROUNDS = 8;

export interface CommuneSite {
  centroid: Pos;
  areaKm2: number;
}

export interface DistrictSeed {
  at: Pos;
  /** Larger weight = larger district; the city's is small so it stays compact. */
  weight: number;
  fixed: boolean;
}

/** For each commune, the communes sharing at least one edge with it (sorted). */
export function adjacency(areas: readonly Area[]): number[][] {
  const owners = new Map<string, number[]>();
  areas.forEach((a, i) => {
    for (const k of new Set(edgeKeys(a))) owners.set(k, [...(owners.get(k) ?? []), i]);
  });
  const sets = areas.map(() => new Set<number>());
  for (const list of owners.values()) for (const i of list) for (const j of list) if (i !== j) sets[i]!.add(j);
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

function nearestSeed(p: Pos, seeds: readonly DistrictSeed[]): number {
  let best = 0;
  let bestD = Infinity;
  seeds.forEach((s, i) => {
    const d = distKm(p, s.at) / s.weight;
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}

/** Area-weighted k-means on commune centroids; fixed seeds (the towns) do not move. */
function kmeans(sites: readonly CommuneSite[], seeds: DistrictSeed[]): number[] {
  let assignment = sites.map((s) => nearestSeed(s.centroid, seeds));
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    seeds.forEach((seed, d) => {
      if (seed.fixed) return;
      let [x, y, w] = [0, 0, 0];
      sites.forEach((s, i) => {
        if (assignment[i] !== d) return;
        [x, y, w] = [x + s.centroid[0] * s.areaKm2, y + s.centroid[1] * s.areaKm2, w + s.areaKm2];
      });
      if (w > 0) seed.at = [x / w, y / w];
    });
    assignment = sites.map((s) => nearestSeed(s.centroid, seeds));
  }
  return assignment;
}

/** Connected components of `members` in the adjacency graph, largest first (ties: lowest index). */
function components(members: readonly number[], adj: readonly number[][]): number[][] {
  const inSet = new Set(members);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const i = queue.shift()!;
      comp.push(i);
      for (const j of adj[i]!)
        if (inSet.has(j) && !seen.has(j)) {
          seen.add(j);
          queue.push(j);
        }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function membersOf(assignment: readonly number[], d: number): number[] {
  return assignment.flatMap((a, i) => (a === d ? [i] : []));
}

/** The neighbouring district sharing the most adjacencies with `group`, other than `own`. */
function bestNeighbour(
  group: readonly number[],
  own: number,
  assignment: readonly number[],
  adj: readonly number[][],
): number {
  const votes = new Map<number, number>();
  for (const i of group)
    for (const j of adj[i]!) if (assignment[j] !== own) votes.set(assignment[j]!, (votes.get(assignment[j]!) ?? 0) + 1);
  let best = -1;
  for (const [d, v] of votes) if (best < 0 || v > votes.get(best)! || (v === votes.get(best)! && d < best)) best = d;
  return best;
}

/** Moves every detached piece of a district to the neighbour it touches most. Returns true if it changed anything. */
function joinDetached(assignment: number[], districts: number, adj: readonly number[][]): boolean {
  let changed = false;
  for (let d = 0; d < districts; d++) {
    for (const piece of components(membersOf(assignment, d), adj).slice(1)) {
      const to = bestNeighbour(piece, d, assignment, adj);
      if (to < 0) continue;
      for (const i of piece) assignment[i] = to;
      changed = true;
    }
  }
  return changed;
}

/** Grows a district below the minimum by taking the nearest neighbouring commune whose donor stays whole. */
function growOnce(
  assignment: number[],
  d: number,
  seeds: readonly DistrictSeed[],
  sites: readonly CommuneSite[],
  adj: readonly number[][],
): boolean {
  const frontier = new Set<number>();
  for (const i of membersOf(assignment, d)) for (const j of adj[i]!) if (assignment[j] !== d) frontier.add(j);
  const candidates = [...frontier]
    .filter((j) => {
      const donor = membersOf(assignment, assignment[j]!).filter((k) => k !== j);
      return donor.length > MIN_COMMUNES_PER_DISTRICT && components(donor, adj).length === 1;
    })
    .sort((a, b) => distKm(sites[a]!.centroid, seeds[d]!.at) - distKm(sites[b]!.centroid, seeds[d]!.at) || a - b);
  if (candidates.length === 0) return false;
  assignment[candidates[0]!] = d;
  return true;
}

/** District index per commune; every district contiguous with at least MIN_COMMUNES_PER_DISTRICT communes. */
export function assignDistricts(
  sites: readonly CommuneSite[],
  seeds: DistrictSeed[],
  adj: readonly number[][],
): number[] {
  const assignment = kmeans(sites, seeds);
  for (let i = 0; i < 20 && joinDetached(assignment, seeds.length, adj); i++);
  for (let d = 0; d < seeds.length; d++) {
    while (membersOf(assignment, d).length < MIN_COMMUNES_PER_DISTRICT) {
      if (!growOnce(assignment, d, seeds, sites, adj))
        throw new Error(`demo: district ${d} cannot reach the minimum size`);
    }
  }
  for (let d = 0; d < seeds.length; d++) {
    if (components(membersOf(assignment, d), adj).length !== 1)
      throw new Error(`demo: district ${d} is not contiguous`);
  }
  return assignment;
}
