import { add, cross, normalize, sub, type Vec3 } from './math';

/** Up to four (bone name, weight) pairs for one vertex. */
export type SkinInfluence = [bone: string, weight: number][];

/** Assigns bone influences to a vertex from its rest position. */
export type SkinFn = (position: Vec3) => SkinInfluence;

/**
 * Geometry of one glTF primitive under construction: positions, normals, optional linear
 * vertex colours, per-vertex skin influences, and named morph-target position deltas.
 */
export class MeshData {
  readonly positions: Vec3[] = [];
  readonly normals: Vec3[] = [];
  readonly colors: Vec3[] = [];
  readonly skins: SkinInfluence[] = [];
  readonly indices: number[] = [];
  readonly targets = new Map<string, Vec3[]>();

  /** Number of vertices. */
  get vertexCount(): number {
    return this.positions.length;
  }

  /** Adds a vertex and returns its index. */
  addVertex(position: Vec3, normal: Vec3 = [0, 1, 0], color: Vec3 = [1, 1, 1]): number {
    this.positions.push(position);
    this.normals.push(normal);
    this.colors.push(color);
    this.skins.push([]);
    for (const deltas of this.targets.values()) deltas.push([0, 0, 0]);
    return this.positions.length - 1;
  }

  /** Adds a triangle (counter-clockwise seen from outside). */
  addTriangle(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Sets the morph delta of a vertex for a target (created on first use). */
  setDelta(target: string, vertex: number, delta: Vec3): void {
    this.ensureTarget(target)[vertex] = delta;
  }

  /** Returns a target's deltas, creating an all-zero target if needed. */
  ensureTarget(target: string): Vec3[] {
    let deltas = this.targets.get(target);
    if (!deltas) {
      deltas = this.positions.map((): Vec3 => [0, 0, 0]);
      this.targets.set(target, deltas);
    }
    return deltas;
  }

  /** Appends another mesh (its targets are merged by name). */
  append(other: MeshData): this {
    const base = this.vertexCount;
    for (const name of other.targets.keys()) this.ensureTarget(name);
    for (let i = 0; i < other.vertexCount; i++) {
      this.addVertex(other.positions[i], other.normals[i], other.colors[i]);
      this.skins[base + i] = other.skins[i];
      for (const [name, deltas] of other.targets) this.ensureTarget(name)[base + i] = deltas[i];
    }
    for (const index of other.indices) this.indices.push(base + index);
    return this;
  }

  /** Sets every vertex's skin influences from a function of its rest position. */
  skin(fn: SkinFn): this {
    for (let i = 0; i < this.vertexCount; i++) this.skins[i] = fn(this.positions[i]);
    return this;
  }

  /** Sets every vertex colour from a function of its position. */
  paint(fn: (position: Vec3, index: number) => Vec3): this {
    for (let i = 0; i < this.vertexCount; i++) this.colors[i] = fn(this.positions[i], i);
    return this;
  }

  /** Applies a function to every position (normals are recomputed afterwards if asked). */
  transform(fn: (position: Vec3) => Vec3, recomputeNormals = true): this {
    for (let i = 0; i < this.vertexCount; i++) this.positions[i] = fn(this.positions[i]);
    if (recomputeNormals) this.computeNormals();
    return this;
  }

  /** Recomputes smooth normals from the triangles (area-weighted). */
  computeNormals(): this {
    const acc: Vec3[] = this.positions.map((): Vec3 => [0, 0, 0]);
    for (let t = 0; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t], this.indices[t + 1], this.indices[t + 2]];
      const n = cross(sub(this.positions[b], this.positions[a]), sub(this.positions[c], this.positions[a]));
      acc[a] = add(acc[a], n);
      acc[b] = add(acc[b], n);
      acc[c] = add(acc[c], n);
    }
    for (let i = 0; i < acc.length; i++) this.normals[i] = normalize(acc[i]);
    return this;
  }

  /** Reverses the winding of every triangle (turns the surface inside out). */
  flip(): this {
    for (let t = 0; t < this.indices.length; t += 3) {
      const tmp = this.indices[t + 1];
      this.indices[t + 1] = this.indices[t + 2];
      this.indices[t + 2] = tmp;
    }
    for (let i = 0; i < this.normals.length; i++)
      this.normals[i] = [-this.normals[i][0], -this.normals[i][1], -this.normals[i][2]];
    return this;
  }
}

/** Concatenates meshes into one. */
export function mergeMeshes(...parts: MeshData[]): MeshData {
  const out = new MeshData();
  for (const part of parts) out.append(part);
  return out;
}
