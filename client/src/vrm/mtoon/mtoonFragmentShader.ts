// The MToon fragment shader (VRMC_materials_mtoon 1.0 lighting). One program serves every
// material: absent textures are bound as 1×1 defaults instead of switching defines, so the only
// variants are alpha test, normal map, outline and what the mesh brings (skin, morphs, instances).
import '@babylonjs/core/Shaders/ShadersInclude/helperFunctions';
import { MTOON_UV_ANIMATION_GLSL } from './mtoonUvAnimation';

/** How many direct lights (directional, point, spot) one draw takes into account. */
export const MTOON_MAX_LIGHTS = 4;

export const MTOON_FRAGMENT_SHADER = /* glsl */ `
#if defined(NORMALMAP)
#extension GL_OES_standard_derivatives : enable
#endif
precision highp float;
#include<helperFunctions>
#define MAX_LIGHTS ${MTOON_MAX_LIGHTS}

varying vec3 vPositionW;
varying vec3 vNormalW;
varying vec2 vUV;

uniform vec3 cameraPosition;
uniform vec4 baseColor;        // linear rgb, alpha
uniform vec4 shadeParams;      // shade colour rgb, shading shift
uniform vec4 toonParams;       // shading toony, shift texture scale, GI equalization, alpha cutoff
uniform vec4 emissiveColor;    // rgb (× strength), 1 when colour textures hold sRGB-encoded values
uniform vec4 matcapParams;     // matcap factor rgb, world handedness (1 right-handed, -1 left)
uniform vec4 rimParams;        // parametric rim colour rgb, fresnel power
uniform vec4 mixParams;        // rim lift, rim lighting mix, outline lighting mix, 1 when opaque
uniform vec4 outlineColor;     // rgb

uniform vec4 lightVectors[MAX_LIGHTS]; // xyz direction of travel (w 0) or position (w 1)
uniform vec4 lightColors[MAX_LIGHTS];  // rgb × intensity, range
uniform vec4 lightSpots[MAX_LIGHTS];   // spot direction xyz, cos(half angle) (-2 when not a spot)
uniform vec4 lightExponents;           // spot exponents
uniform vec3 giBase;                   // uniform GI: (sky + ground) / 2 summed over hemispheric lights
uniform vec3 giX;                      // GI gradient along world X, Y, Z (hemispheric lights are linear in N)
uniform vec3 giY;
uniform vec3 giZ;

uniform sampler2D baseColorSampler;   uniform mat4 baseColorMatrix;
uniform sampler2D shadeSampler;       uniform mat4 shadeMatrix;
uniform sampler2D shadingShiftSampler; uniform mat4 shadingShiftMatrix;
uniform sampler2D emissiveSampler;    uniform mat4 emissiveMatrix;
uniform sampler2D matcapSampler;      uniform mat4 matcapMatrix;
uniform sampler2D rimSampler;         uniform mat4 rimMatrix;
#ifdef NORMALMAP
uniform sampler2D normalMapSampler;   uniform mat4 normalMapMatrix;
uniform vec4 normalParams;            // scale, tangent space X sign, Y sign
#endif
${MTOON_UV_ANIMATION_GLSL}

vec2 transformUv(mat4 m, vec2 uv) { return (m * vec4(uv, 1.0, 0.0)).xy; }

vec4 colorTexture(sampler2D s, mat4 m, vec2 uv) {
  vec4 t = texture2D(s, transformUv(m, uv));
  return emissiveColor.w > 0.5 ? toLinearSpace(t) : t;
}


#ifdef NORMALMAP
vec3 perturbNormal(vec3 n, vec2 uv) {
  vec2 tbnUv = gl_FrontFacing ? uv : -uv;
  vec3 dp1 = dFdx(vPositionW); vec3 dp2 = dFdy(vPositionW);
  vec2 duv1 = dFdx(tbnUv); vec2 duv2 = dFdy(tbnUv);
  vec3 dp2perp = cross(dp2, n); vec3 dp1perp = cross(n, dp1);
  vec3 t = (dp2perp * duv1.x + dp1perp * duv2.x) * normalParams.y;
  vec3 b = (dp2perp * duv1.y + dp1perp * duv2.y) * normalParams.z;
  float det = max(dot(t, t), dot(b, b));
  float inv = det == 0.0 ? 0.0 : inversesqrt(det);
  vec3 m = texture2D(normalMapSampler, transformUv(normalMapMatrix, uv)).xyz * 2.0 - 1.0;
  m.xy *= normalParams.x;
  return normalize(mat3(t * inv, b * inv, n) * m);
}
#endif

vec3 rawGi(vec3 n) { return giBase + n.x * giX + n.y * giY + n.z * giZ; }

void main(void) {
  vec2 uv = animateUv(vUV);
  vec4 lit = baseColor * colorTexture(baseColorSampler, baseColorMatrix, uv);
#ifdef ALPHATEST
  if (lit.a < toonParams.w) discard;
#endif
  vec3 n = normalize(vNormalW);
  if (!gl_FrontFacing) n = -n;
#ifdef NORMALMAP
  n = perturbNormal(n, uv);
#endif
  vec3 v = normalize(cameraPosition - vPositionW);
  vec3 shade = shadeParams.rgb * colorTexture(shadeSampler, shadeMatrix, uv).rgb;
  float shift = shadeParams.w + texture2D(shadingShiftSampler, transformUv(shadingShiftMatrix, uv)).r * toonParams.y;
  // linearstep(-1 + toony, 1 - toony, x), kept finite when toony is 1 (a hard step).
  float feather = max(1.0 - toonParams.x, 1e-4);

  vec3 direct = vec3(0.0);
  vec3 lighting = vec3(0.0);
  for (int i = 0; i < MAX_LIGHTS; i++) {
    vec3 l = -lightVectors[i].xyz;
    float attenuation = 1.0;
    if (lightVectors[i].w > 0.5) {
      vec3 offset = lightVectors[i].xyz - vPositionW;
      float dist = length(offset);
      l = offset / max(dist, 1e-6);
      attenuation = max(0.0, 1.0 - dist / lightColors[i].w);
      float cosAngle = dot(lightSpots[i].xyz, -l);
      if (lightSpots[i].w > -1.5) attenuation *= cosAngle >= lightSpots[i].w ? pow(max(cosAngle, 0.0), lightExponents[i]) : 0.0;
    }
    vec3 color = lightColors[i].rgb * attenuation;
    float shading = clamp((dot(n, l) + shift + feather) / (2.0 * feather), 0.0, 1.0);
    direct += mix(shade, lit.rgb, shading) * color;
    lighting += color;
  }
  vec3 gi = mix(rawGi(n), giBase, toonParams.z);
  vec3 col = direct + gi * lit.rgb;
  lighting += gi;

  vec3 worldViewX = normalize(vec3(v.z, 0.0, -v.x)) * matcapParams.w;
  vec3 worldViewY = cross(v, worldViewX) * matcapParams.w;
  vec2 matcapUv = vec2(dot(worldViewX, n), -dot(worldViewY, n)) * 0.495 + 0.5;
  vec3 rim = matcapParams.rgb * colorTexture(matcapSampler, matcapMatrix, matcapUv).rgb;
  rim += rimParams.rgb * pow(clamp(1.0 - dot(n, v) + mixParams.x, 0.0, 1.0), max(rimParams.w, 1e-5));
  rim *= colorTexture(rimSampler, rimMatrix, uv).rgb;
  col += rim * mix(vec3(1.0), lighting, mixParams.y);
  col += emissiveColor.rgb * colorTexture(emissiveSampler, emissiveMatrix, uv).rgb;
#ifdef OUTLINE
  col = outlineColor.rgb * mix(vec3(1.0), col, mixParams.z);
#endif
  float alpha = mixParams.w > 0.5 ? 1.0 : lit.a;
  gl_FragColor = vec4(toGammaSpace(clamp(col, 0.0, 1.0)), alpha);
}
`;
