import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { Light } from '@babylonjs/core/Lights/light';

/** The stage's lights: a soft sky/ground fill, a warm key from the front-left above, a cool rim from behind. */
export interface StageLights {
  fill: HemisphericLight;
  key: DirectionalLight;
  rim: DirectionalLight;
  all: Light[];
}

/** Creates the three-light setup (no shadows: cheap on software GL and phones). */
export function createLights(scene: Scene): StageLights {
  const fill = new HemisphericLight('fill', new Vector3(0, 1, -0.3), scene);
  fill.intensity = 0.75;
  fill.diffuse = Color3.FromHexString('#f4f1ff');
  fill.groundColor = Color3.FromHexString('#b7a89f');
  fill.specular = Color3.Black();

  // The camera looks along +Z, so a light shining along +Z comes from the viewer's side.
  const key = new DirectionalLight('key', new Vector3(-0.45, -0.6, 0.75), scene);
  key.intensity = 2.1;
  key.diffuse = Color3.FromHexString('#fff1e4');
  key.specular = Color3.FromHexString('#3a3530');

  const rim = new DirectionalLight('rim', new Vector3(0.5, -0.25, -1), scene);
  rim.intensity = 1.1;
  rim.diffuse = Color3.FromHexString('#d6e4ff');
  rim.specular = Color3.Black();
  return { fill, key, rim, all: [fill, key, rim] };
}
