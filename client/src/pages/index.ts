/** Pages and routing. The pages themselves are loaded lazily by main.ts. */
export { route, type Route } from './route';
