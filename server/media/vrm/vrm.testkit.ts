/** Test kit for VRM uploads (validator tests now, HTTP upload tests later): one import. */
export {
  encodeChunks,
  encodeGlb,
  decodeGlb,
  mutateGlb,
  appendBufferView,
  jsonChunkBytes,
  pad4,
  concat,
  tinyPng,
  tinyJpeg,
  type GlbDocument,
  type RawChunk,
  type GlbHeader,
} from './glbBytes.testkit';
export { syntheticVrm, buildVrm, type SyntheticVrmOptions } from './syntheticVrm.testkit';
export { VRM_FIXTURES_DIR, listVrmFixtures, readVrmFixture } from './vrmFixtures.testkit';
