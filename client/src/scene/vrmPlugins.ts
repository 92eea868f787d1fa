// Side-effect module, imported on demand by `loadVrmPlugins`: babylon-vrm-loader pulls in the
// whole @babylonjs/core barrel, so the stage can appear before it has been downloaded.
import 'babylon-vrm-loader';
import '@babylonjs/loaders/glTF/2.0';
import { installVrmCompat } from './vrmCompat';

installVrmCompat();

/** Marker export: the plugins are registered once this module has been evaluated. */
export const VRM_PLUGINS_READY = true;
