/**
 * GLSL shared by both MToon stages: the UV animation (scroll and rotation about (0.5, 0.5), scaled
 * by the mask texture's blue channel), applied before each texture's own KHR_texture_transform.
 * The rotation turns UVs the way KHR_texture_transform does (counter-clockwise in U-right, V-down
 * space), which is the direction the spec's sample model draws with arrows.
 */
export const MTOON_UV_ANIMATION_GLSL = /* glsl */ `
// x, y: scroll offset (UV units, wrapped), z: rotation phase (radians, wrapped)
uniform vec4 uvAnimation;
uniform sampler2D uvAnimationMaskSampler;
uniform mat4 uvAnimationMaskMatrix;

vec2 animateUv(vec2 uv) {
  float mask = texture2D(uvAnimationMaskSampler, (uvAnimationMaskMatrix * vec4(uv, 1.0, 0.0)).xy).b;
  float c = cos(uvAnimation.z * mask);
  float s = sin(uvAnimation.z * mask);
  return mat2(c, -s, s, c) * (uv - 0.5) + 0.5 + uvAnimation.xy * mask;
}
`;
