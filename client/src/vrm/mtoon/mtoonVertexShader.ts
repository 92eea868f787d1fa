// The MToon vertex shader (GLSL, Babylon's include syntax). Bones, morph targets and instances come
// from Babylon's own includes, so skinned and morphing avatars need nothing special. With OUTLINE
// the same program draws the inverted hull: vertices pushed along the skinned normal, in world
// metres or as a fraction of the screen height.
import '@babylonjs/core/Shaders/ShadersInclude/helperFunctions';
import '@babylonjs/core/Shaders/ShadersInclude/bonesDeclaration';
import '@babylonjs/core/Shaders/ShadersInclude/bonesVertex';
import '@babylonjs/core/Shaders/ShadersInclude/instancesDeclaration';
import '@babylonjs/core/Shaders/ShadersInclude/instancesVertex';
import '@babylonjs/core/Shaders/ShadersInclude/morphTargetsVertexGlobalDeclaration';
import '@babylonjs/core/Shaders/ShadersInclude/morphTargetsVertexDeclaration';
import '@babylonjs/core/Shaders/ShadersInclude/morphTargetsVertexGlobal';
import '@babylonjs/core/Shaders/ShadersInclude/morphTargetsVertex';
import { MTOON_UV_ANIMATION_GLSL } from './mtoonUvAnimation';

export const MTOON_VERTEX_SHADER = /* glsl */ `
precision highp float;
attribute vec3 position;
attribute vec3 normal;
attribute vec2 uv;
#include<helperFunctions>
#include<bonesDeclaration>
#include<instancesDeclaration>
#include<morphTargetsVertexGlobalDeclaration>
#include<morphTargetsVertexDeclaration>[0..maxSimultaneousMorphTargets]

uniform mat4 viewProjection;
varying vec3 vPositionW;
varying vec3 vNormalW;
varying vec2 vUV;

#ifdef OUTLINE
// x: width factor, y: 1 world metres / 2 screen-height fraction, w: projection[1][1]
uniform vec4 outlineParams;
uniform sampler2D outlineWidthSampler;
uniform mat4 outlineWidthMatrix;
${MTOON_UV_ANIMATION_GLSL}
#endif

void main(void) {
  vec3 positionUpdated = position;
  vec3 normalUpdated = normal;
  vec2 uvUpdated = uv;
#include<morphTargetsVertexGlobal>
#include<morphTargetsVertex>[0..maxSimultaneousMorphTargets]
#include<instancesVertex>
#include<bonesVertex>
  vec4 worldPos = finalWorld * vec4(positionUpdated, 1.0);
  mat3 normalWorld = transposeMat3(inverseMat3(mat3(finalWorld)));
  vec3 normalW = normalize(normalWorld * normalUpdated);
  vUV = uvUpdated;

#ifdef OUTLINE
  vec2 widthUv = (outlineWidthMatrix * vec4(animateUv(uvUpdated), 1.0, 0.0)).xy;
  float width = outlineParams.x * texture2D(outlineWidthSampler, widthUv).g;
  if (outlineParams.y > 1.5) {
    // Screen mode: the world length that spans that fraction of the screen height at this depth
    // (the view is 2 w / P[1][1] tall there). Pushing along the 3D normal, as in world mode, keeps
    // the hull a slightly larger copy of the surface (a push in screen space would fold it).
    width *= 2.0 * (viewProjection * worldPos).w / outlineParams.w;
  }
  worldPos.xyz += normalW * width;
  gl_Position = viewProjection * worldPos;
  // Keeps the hull behind the surface where the two meet at the silhouette.
  gl_Position.z += 1e-6 * gl_Position.w;
#else
  gl_Position = viewProjection * worldPos;
#endif
  vPositionW = worldPos.xyz;
  vNormalW = normalW;
}
`;
