/** The parts of a glTF document the VRM parsers read (indices are resolved against these). */
export interface GltfJson {
  extensions?: Record<string, unknown>;
  extensionsUsed?: string[];
  nodes?: { name?: string; mesh?: number; children?: number[] }[];
  meshes?: { name?: string }[];
  materials?: { name?: string }[];
}

/** Reports a problem in a file that the load survives (a bind to a missing mesh, an unknown bone…). */
export type Warn = (message: string) => void;

/** Indices of the nodes that instance glTF mesh `mesh`. */
export function nodesUsingMesh(json: GltfJson, mesh: number): number[] {
  const out: number[] = [];
  (json.nodes ?? []).forEach((node, i) => {
    if (node.mesh === mesh) out.push(i);
  });
  return out;
}

/** Indices of the materials named `name` (VRM 0.x refers to materials by name). */
export function materialsNamed(json: GltfJson, name: string): number[] {
  const out: number[] = [];
  (json.materials ?? []).forEach((m, i) => {
    if (m.name === name) out.push(i);
  });
  return out;
}

/** Whether `i` is a valid index into `list`. */
export const inRange = (list: unknown[] | undefined, i: number | null): i is number =>
  i !== null && i < (list?.length ?? 0);
